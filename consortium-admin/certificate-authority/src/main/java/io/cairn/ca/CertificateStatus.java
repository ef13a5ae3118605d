package io.cairn.ca;

import java.util.Arrays;

/** Where an issued certificate stands. */
public enum CertificateStatus {
    /** Not on the CRL (it may still have expired). */
    VALID("valid"),
    /** On the CRL with reason {@code certificateHold}; may become valid again. */
    ON_HOLD("on-hold"),
    /** On the CRL for good. */
    REVOKED("revoked");

    private final String label;

    CertificateStatus(String label) {
        this.label = label;
    }

    /** The API and database name. */
    public String label() {
        return label;
    }

    /** The status with this name. */
    public static CertificateStatus fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown certificate status " + label));
    }
}
