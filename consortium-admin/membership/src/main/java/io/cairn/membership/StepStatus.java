package io.cairn.membership;

import java.util.Arrays;
import java.util.Locale;

/** Where a provisioning step stands. */
public enum StepStatus {
    /** Waiting for its turn (or for a retry an administrator asked for). */
    PENDING,
    /** Being executed by the provisioning runner. */
    RUNNING,
    /** Done on the ledger. */
    DONE,
    /** Failed; retried at {@code nextAttemptAt} when set, otherwise waiting for an administrator. */
    FAILED,
    /** Needs a person; an administrator overrides it once done, with evidence. */
    MANUAL,
    /** Declared done by an administrator, with a reason and evidence. */
    OVERRIDDEN;

    /** The API and database name, e.g. {@code pending}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the plan may move past this step. */
    public boolean settled() {
        return this == DONE || this == OVERRIDDEN;
    }

    /** The status with this name. */
    public static StepStatus fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown step status " + label));
    }
}
