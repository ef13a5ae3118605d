package io.cairn.membership;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An organisation's application to join the consortium.
 *
 * @param id               identifier
 * @param member           the applicant organisation (status {@code applicant} while pending)
 * @param csr              its certificate signing request, kept for the consortium CA step
 * @param state            where it stands
 * @param submittedBy      the user who submitted it; cannot vote on or decide its admission
 * @param submittedAt      when
 * @param checklist        the due-diligence checks, in configured order
 * @param proposalId       the admission vote, once opened
 * @param decidedAt        when it was approved or rejected
 * @param rejectionReasons why it was rejected
 * @param provisioningPlan the ledger provisioning plan made on approval
 */
public record Application(UUID id, Member member, CertificateRequest csr, ApplicationState state, String submittedBy,
                          Instant submittedAt, List<ChecklistItem> checklist, Optional<UUID> proposalId,
                          Optional<Instant> decidedAt, List<String> rejectionReasons,
                          Optional<ProvisioningPlan> provisioningPlan) {
    /** Copies the lists. */
    public Application {
        checklist = List.copyOf(checklist);
        rejectionReasons = List.copyOf(rejectionReasons);
    }

    /** Whether every due-diligence check is ticked. */
    public boolean checklistComplete() {
        return checklist.stream().allMatch(ChecklistItem::done);
    }
}
