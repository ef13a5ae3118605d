package io.cairn.ca;

import io.cairn.membership.MemberCertificate;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A member certificate the consortium CA issued, with its revocation state.
 *
 * @param serial    serial number, lower-case hexadecimal
 * @param memberId  the member it was issued to
 * @param lei       that member's LEI
 * @param subject   subject distinguished name, RFC 4514 form
 * @param sha256    SHA-256 fingerprint of the DER certificate, lower-case hexadecimal
 * @param pem       the certificate, PEM
 * @param notBefore start of validity
 * @param notAfter  end of validity
 * @param issuedAt  when it was issued
 * @param status    valid, on hold or revoked
 * @param revokedAt when it was put on the CRL, unless valid
 * @param reason    why, unless valid
 */
public record IssuedCertificate(String serial, UUID memberId, String lei, String subject, String sha256, String pem,
                                Instant notBefore, Instant notAfter, Instant issuedAt, CertificateStatus status,
                                Optional<Instant> revokedAt, Optional<RevocationReason> reason) {
    /** Rejects missing parts. */
    public IssuedCertificate {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** The serial number. */
    public BigInteger serialNumber() {
        return new BigInteger(serial, 16);
    }

    /** What the membership journal records of it. */
    public MemberCertificate toMemberCertificate() {
        return new MemberCertificate(serial, sha256, notAfter, pem);
    }
}
