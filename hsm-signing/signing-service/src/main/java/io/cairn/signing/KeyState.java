package io.cairn.signing;

import java.util.Arrays;

/** Lifecycle state of a managed key. */
public enum KeyState {
    /** Signs within its policy. */
    ACTIVE("active"),
    /** Kept for verification; signs nothing. */
    DISABLED("disabled"),
    /** Key material destroyed in custody; the record stays. */
    DESTROYED("destroyed");

    private final String label;

    KeyState(String label) {
        this.label = label;
    }

    /** The name stored and shown in the API. */
    public String label() {
        return label;
    }

    static KeyState fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown key state " + label));
    }
}
