package io.cairn.membership;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A member organisation's vote. */
public enum VoteChoice {
    /** For. */
    YES,
    /** Against. */
    NO,
    /** Neither: counts toward the quorum, not toward the decision. */
    ABSTAIN;

    /** The API name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choice with this API name. */
    public static Optional<VoteChoice> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label().equals(label)).findFirst();
    }
}
