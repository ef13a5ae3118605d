package io.cairn.ca;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JSON bodies of the CA resources. */
public final class CaViews {
    private CaViews() {
    }

    /**
     * An issued certificate.
     *
     * @param serial    serial number, lower-case hexadecimal
     * @param lei       the member's LEI
     * @param subject   subject distinguished name
     * @param sha256    SHA-256 fingerprint of the DER certificate, lower-case hexadecimal
     * @param notBefore start of validity
     * @param notAfter  end of validity
     * @param issuedAt  when it was issued
     * @param status    {@code valid}, {@code on-hold} or {@code revoked}
     * @param revokedAt when it was put on the CRL
     * @param reason    RFC 5280 reason name, e.g. {@code certificateHold}
     * @param pem       the certificate, PEM
     */
    public record CertificateView(String serial, String lei, String subject, String sha256, Instant notBefore,
                                  Instant notAfter, Instant issuedAt, String status, Optional<Instant> revokedAt,
                                  Optional<String> reason, String pem) {
        static CertificateView of(IssuedCertificate c) {
            return new CertificateView(c.serial(), c.lei(), c.subject(), c.sha256(), c.notBefore(), c.notAfter(),
                    c.issuedAt(), c.status().label(), c.revokedAt(), c.reason().map(RevocationReason::label), c.pem());
        }
    }

    /**
     * The certificates of one member, oldest first.
     *
     * @param lei          the member's LEI
     * @param certificates its certificates
     */
    public record CertificateList(String lei, List<CertificateView> certificates) {
        /** Copies the list. */
        public CertificateList {
            certificates = List.copyOf(certificates);
        }
    }
}
