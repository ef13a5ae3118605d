package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a proposal's outcome follows from the votes. Only yes and no votes are decisive; abstentions count
 * toward the quorum only (see {@link Tally}).
 */
public enum DecisionRule {
    /** More yes than no votes: {@code yes > no}. */
    MAJORITY,
    /** At least two thirds of the decisive votes are yes: {@code 3 * yes >= 2 * (yes + no)}, with at least one yes. */
    TWO_THIRDS,
    /** No vote against and at least one yes: {@code no == 0 && yes >= 1}. */
    UNANIMITY,
    /** Members do not vote: a consortium administrator other than the requester decides. */
    ADMIN_ONLY;

    /** The API name, e.g. {@code two-thirds}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether these decisive votes satisfy the rule (never true without a yes vote). */
    boolean satisfiedBy(long yes, long no) {
        return switch (this) {
            case MAJORITY -> yes > no;
            case TWO_THIRDS -> yes >= 1 && 3 * yes >= 2 * (yes + no);
            case UNANIMITY -> yes >= 1 && no == 0;
            case ADMIN_ONLY -> false;
        };
    }

    /** The rule with this API name; {@code field} names the request field in the error. */
    public static DecisionRule fromLabel(String field, String label) {
        return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> CairnException.field(ErrorCode.MEMBER_INVALID_POLICY, field,
                        "unknown decision rule '" + label + "'; rules are "
                                + Arrays.stream(values()).map(DecisionRule::label).toList()));
    }
}
