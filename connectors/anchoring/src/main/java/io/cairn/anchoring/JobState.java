package io.cairn.anchoring;

import java.util.Arrays;

/** The state of one anchor job (one block on one ledger). */
public enum JobState {
    /** Waiting for its next attempt. */
    QUEUED("queued"),
    /** An attempt is (or was, before a crash or timeout) submitting the anchor; committed before the call. */
    SUBMITTING("submitting"),
    /** The anchor is in a ledger block, not yet final. */
    ANCHORED("anchored"),
    /** The anchor is final; re-verified every re-scan interval. */
    FINAL("final"),
    /** The anchor vanished or is on a losing fork; about to be queued again. */
    BROKEN("broken");

    private final String label;

    JobState(String label) {
        this.label = label;
    }

    /** The name stored in the database and shown in the API. */
    public String label() {
        return label;
    }

    /** The state with this label. */
    public static JobState of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown anchor job state: " + label));
    }
}
