package io.cairn.signing;

import java.util.Arrays;

/** What a request asks the service to do with a key. */
public enum Operation {
    /** Sign a 32-byte digest. */
    SIGN_DIGEST("sign-digest"),
    /** Destroy every version of the key in custody. */
    DESTROY_KEY("destroy-key");

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    /** The name stored and shown in the API. */
    public String label() {
        return label;
    }

    static Operation fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown operation " + label));
    }
}
