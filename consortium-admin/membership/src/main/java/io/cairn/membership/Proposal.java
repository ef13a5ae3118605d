package io.cairn.membership;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A question put to the consortium, decided under the policy version current when it opened.
 *
 * @param id             identifier
 * @param kind           what is decided
 * @param subjectMember  the organisation concerned (applicant, member to suspend or remove); its
 *                       representatives cannot vote
 * @param policyVersion  the policy version it is decided under
 * @param rule           that version's rule
 * @param quorumPercent  that version's quorum
 * @param requestedBy    who asked for it (the applicant's submitter for an admission); cannot vote or decide
 * @param openedBy       who opened it; cannot vote or decide
 * @param openedAt       when voting opened
 * @param closesAt       end of the voting window
 * @param state          {@code open}, {@code approved} or {@code rejected}
 * @param decidedAt      when it was decided
 * @param decidedBy      who decided: {@code tally} for member votes, the administrator for admin-only
 * @param decisionReason why
 * @param motivation     the requester's explanation
 * @param proposedPolicy for change-policy: the proposed terms
 */
public record Proposal(UUID id, ProposalKind kind, Optional<UUID> subjectMember, int policyVersion, DecisionRule rule,
                       int quorumPercent, String requestedBy, String openedBy, Instant openedAt, Instant closesAt,
                       String state, Optional<Instant> decidedAt, Optional<String> decidedBy,
                       Optional<String> decisionReason, String motivation, Optional<PolicyTerms> proposedPolicy) {
    /** Open, approved or rejected. */
    public static final String OPEN = "open";

    /** Checks required parts. */
    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
    }

    /** Whether votes are still counted at this instant. */
    public boolean acceptsVotesAt(Instant now) {
        return OPEN.equals(state) && now.isBefore(closesAt);
    }
}
