package io.cairn.signing;

import java.util.Arrays;

/**
 * State of a signing or destruction request: {@code pending -> approved -> signed | completed}, or
 * {@code pending -> rejected | expired}. A signature request that needs no approval is signed at once and
 * stored as {@code recording -> signed}.
 */
public enum RequestState {
    /** Waiting for approvals. */
    PENDING("pending"),
    /** Approved; the signature (or destruction) is being produced, or will be on the requester's retry. */
    APPROVED("approved"),
    /**
     * Signed without needing approval, but the audit record of the signature is not confirmed yet: the
     * signature is withheld. A retry with the same idempotency key records it (once) and releases it.
     */
    RECORDING("recording"),
    /** The signature was produced, recorded and stored. */
    SIGNED("signed"),
    /** A non-signing operation (key destruction) was carried out and recorded. */
    COMPLETED("completed"),
    /** An approver rejected it. */
    REJECTED("rejected"),
    /** Not enough approvals before it expired. */
    EXPIRED("expired");

    private final String label;

    RequestState(String label) {
        this.label = label;
    }

    /** The name stored and shown in the API. */
    public String label() {
        return label;
    }

    static RequestState fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown request state " + label));
    }
}
