package io.cairn.membership;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A member organisation's current vote on a proposal.
 *
 * @param proposalId     the proposal
 * @param memberId       the organisation
 * @param choice         yes, no or abstain
 * @param revision       1 for the first cast, +1 for each change
 * @param castBy         the representative who cast this revision
 * @param castAt         when
 * @param previousChoice the choice this revision replaced, when it is a change
 */
public record Ballot(UUID proposalId, UUID memberId, VoteChoice choice, int revision, String castBy, Instant castAt,
                     Optional<VoteChoice> previousChoice) {
    /** Whether this revision changed an earlier vote. */
    public boolean isChange() {
        return revision > 1;
    }
}
