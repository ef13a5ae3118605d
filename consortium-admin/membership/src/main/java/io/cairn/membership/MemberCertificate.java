package io.cairn.membership;

import java.time.Instant;
import java.util.Objects;

/**
 * A member certificate as the membership journal records it.
 *
 * @param serial   the serial number, lower-case hexadecimal
 * @param sha256   SHA-256 fingerprint of the DER certificate, lower-case hexadecimal
 * @param notAfter end of validity
 * @param pem      the certificate, PEM
 */
public record MemberCertificate(String serial, String sha256, Instant notAfter, String pem) {
    /** Rejects missing parts. */
    public MemberCertificate {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(pem, "pem");
    }
}
