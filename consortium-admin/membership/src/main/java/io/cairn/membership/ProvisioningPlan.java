package io.cairn.membership;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The per-ledger steps that carry out one membership decision on the consortium's ledgers (Besu allowlists and
 * validator votes, Fabric channel updates, Corda network map entries), in execution order, as the registered
 * {@link LedgerProvisioner}s planned them.
 *
 * @param planId  the application (admission) or proposal (suspension, removal) it carries out
 * @param purpose what it carries out
 * @param steps   the steps in execution order; empty when no provisioner had anything to do
 */
public record ProvisioningPlan(UUID planId, ProvisioningPurpose purpose, List<ProvisioningStep> steps) {
    /** Copies the steps. */
    public ProvisioningPlan {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(purpose, "purpose");
        steps = List.copyOf(steps);
    }

    /** Whether every step is done or overridden (true for an empty plan). */
    public boolean complete() {
        return steps.stream().allMatch(s -> s.status().settled());
    }
}
