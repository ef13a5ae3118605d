package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.util.Objects;

/**
 * The terms of a governance policy.
 *
 * @param rule          how the outcome follows from the votes
 * @param quorumPercent percentage (0-100) of the electorate that must cast a vote (yes, no or abstain)
 * @param votingWindow  how long a proposal stays open: 1 minute to 365 days
 */
public record PolicyTerms(DecisionRule rule, int quorumPercent, Duration votingWindow) {
    /** Longest voting window. */
    public static final Duration MAX_WINDOW = Duration.ofDays(365);

    /** Validates the terms. */
    public PolicyTerms {
        Objects.requireNonNull(rule, "rule");
        if (quorumPercent < 0 || quorumPercent > 100) {
            throw CairnException.field(ErrorCode.MEMBER_INVALID_POLICY, "quorumPercent",
                    "quorumPercent must be between 0 and 100");
        }
        if (votingWindow == null || votingWindow.compareTo(Duration.ofMinutes(1)) < 0
                || votingWindow.compareTo(MAX_WINDOW) > 0) {
            throw CairnException.field(ErrorCode.MEMBER_INVALID_POLICY, "votingWindow",
                    "the voting window must be between 1 minute and 365 days");
        }
    }
}
