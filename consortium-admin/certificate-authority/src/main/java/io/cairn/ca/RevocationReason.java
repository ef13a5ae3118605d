package io.cairn.ca;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x509.CRLReason;

/** Why a certificate is on the CRL: the RFC 5280 reason codes the consortium CA uses. */
public enum RevocationReason {
    /** The key is known or suspected to be compromised. */
    KEY_COMPROMISE("keyCompromise", CRLReason.keyCompromise),
    /** The member's name or other information changed. */
    AFFILIATION_CHANGED("affiliationChanged", CRLReason.affiliationChanged),
    /** Replaced by a newer certificate. */
    SUPERSEDED("superseded", CRLReason.superseded),
    /** The member left the consortium (removal). */
    CESSATION_OF_OPERATION("cessationOfOperation", CRLReason.cessationOfOperation),
    /** Suspended: the hold may be lifted when the member is reinstated. */
    CERTIFICATE_HOLD("certificateHold", CRLReason.certificateHold);

    private final String label;
    private final int code;

    RevocationReason(String label, int code) {
        this.label = label;
        this.code = code;
    }

    /** The RFC 5280 name, e.g. {@code certificateHold}. */
    public String label() {
        return label;
    }

    /** The RFC 5280 {@code CRLReason} value. */
    public int code() {
        return code;
    }

    /** The reason with this RFC 5280 name. */
    public static Optional<RevocationReason> fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }
}
