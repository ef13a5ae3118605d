package io.cairn.membership;

import java.util.List;

/**
 * A proposal with its current count.
 *
 * @param proposal   the proposal
 * @param tally      the count so far (final once the proposal is decided)
 * @param ballots    each organisation's current vote
 */
public record ProposalStatus(Proposal proposal, Tally tally, List<Ballot> ballots) {
    /** Copies the ballots. */
    public ProposalStatus {
        ballots = List.copyOf(ballots);
    }
}
