package io.cairn.membership;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored provisioning step with its progress.
 *
 * @param id            identifier, used in the API
 * @param planId        the plan: the application (admission) or the proposal (suspension, removal) it carries out
 * @param position      its place in the plan, from 0
 * @param purpose       what the plan carries out
 * @param memberId      the member concerned
 * @param applicationId the admission application, for an admission plan
 * @param requestedBy   who asked for the decision (application submitter, proposal requester); may not override
 * @param step          what the provisioner planned
 * @param status        where it stands
 * @param attempts      how many times it was executed
 * @param lastError     the reason of the last failure
 * @param instructions  what a person must do, for a manual step
 * @param nextAttemptAt when a retryable failure is tried again
 * @param override      who overrode it, why and with which evidence
 * @param createdAt     when the plan was made
 * @param updatedAt     when the step last changed
 */
public record ProvisioningStep(UUID id, UUID planId, int position, ProvisioningPurpose purpose, UUID memberId,
                               Optional<UUID> applicationId, String requestedBy, PlannedStep step, StepStatus status,
                               int attempts, Optional<String> lastError, Optional<String> instructions,
                               Optional<Instant> nextAttemptAt, Optional<StepOverride> override, Instant createdAt,
                               Instant updatedAt) {
    /**
     * An administrator's override.
     *
     * @param by        the administrator
     * @param reason    why the step may count as done
     * @param reference where the evidence is kept
     */
    public record StepOverride(String by, String reason, Optional<String> reference) {
    }
}
