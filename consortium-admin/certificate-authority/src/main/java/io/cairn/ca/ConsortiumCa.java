package io.cairn.ca;

import io.cairn.http.ApiService;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.membership.CertificateIssuer;
import io.cairn.membership.CertificateRequest;
import io.cairn.membership.Member;
import io.cairn.membership.MemberStatus;
import io.cairn.storage.SchemaMigration;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The consortium certificate authority.
 *
 * <p>At its first use it makes its self-signed certificate over the {@link CaKey} and stores it in
 * {@code ca.authority}; later it loads it and refuses a key that does not match it
 * ({@code CAIRN-MEMBER-0020}). It issues member certificates from CSRs ({@link CsrPolicy} says which it
 * accepts, {@link CertificateProfiles} what a certificate contains), puts them on hold, revokes them, lifts
 * holds, and makes a new signed CRL (with the next CRL number) on every such change, in the same transaction.
 *
 * <p>Writes run in {@code jdbi.inTransaction}: called from inside another transaction on the same
 * {@link Jdbi} (as the membership workflow does through {@link #issuer()}), they join it.
 */
public final class ConsortiumCa {
    /** The schema migrations of this module. */
    public static final SchemaMigration MIGRATION = SchemaMigration.of("ca");

    private final Jdbi jdbi;
    private final CaKey key;
    private final CaSettings settings;
    private final Clock clock;
    private final AuthorityRecord record;
    private final CertificateStore certificates = new CertificateStore();
    private final SecureRandom random = new SecureRandom();
    private volatile Authority authority;

    /** The CA certificate, loaded or made. */
    private record Authority(X509CertificateHolder certificate, String pem) {
    }

    /**
     * Creates the CA. Nothing is signed or read yet: the CA certificate is loaded (or made, the first time) at
     * the first use, so a key that is not available at start-up (HSM down, key not created yet) only delays
     * the CA. Call {@link #certificatePem()} at start-up to fail fast instead.
     *
     * @param jdbi     the appliance database (schema {@code ca} migrated)
     * @param key      the CA key
     * @param settings CA settings
     * @param clock    the clock every time of this module comes from
     */
    public ConsortiumCa(Jdbi jdbi, CaKey key, CaSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.key = key;
        this.settings = settings;
        this.clock = clock;
        this.record = new AuthorityRecord(jdbi);
    }

    /**
     * The CA certificate: loaded, or made and stored the first time; the first CRL is made with it.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0020} when the key does not match the stored CA certificate
     * @throws IllegalArgumentException when the key's algorithm is not supported or does not fit its public key
     */
    private Authority authority() {
        Authority current = authority;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (authority != null) {
                return authority;
            }
            Authority loaded = load();
            if (!jdbi.withHandle(Handle::isInTransaction)) {
                authority = loaded; // committed: inside a caller's transaction it could still be rolled back
            }
            return loaded;
        }
    }

    private Authority load() {
        CaContentSigner.check(key);
        String pem = record.certificatePem().orElseGet(this::makeAuthority);
        X509CertificateHolder certificate = Pem.certificate(pem);
        if (!CertificateProfiles.certifies(certificate, key.publicKey())) {
            throw new CairnException(ErrorCode.MEMBER_CA_KEY_MISMATCH, "the configured CA key is not the key of the "
                    + "consortium CA certificate " + certificate.getSubject() + " (serial "
                    + certificate.getSerialNumber().toString(16) + "); configure the original key");
        }
        Authority loaded = new Authority(certificate, pem);
        if (record.latestCrl().isEmpty()) {
            jdbi.useTransaction(h -> publishCrl(h, loaded.certificate()));
        }
        return loaded;
    }

    private String makeAuthority() {
        Instant now = clock.instant();
        X500Name subject = new X500Name(settings.subject());
        X509CertificateHolder made = CertificateProfiles.authority(key, subject, CertificateProfiles.serial(random), now,
                settings.caValidity());
        return record.storeOnce(Pem.of(made), subject.toString(), now);
    }

    /**
     * The CA certificate, PEM (loaded or made at the first call).
     *
     * @throws CairnException {@code CAIRN-MEMBER-0020} when the key does not match the stored CA certificate
     */
    public String certificatePem() {
        return authority().pem();
    }

    /** The CA certificate. */
    public X509CertificateHolder certificate() {
        return authority().certificate();
    }

    /**
     * Checks a request as {@link #issue} would, without issuing.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0003}, {@code 0018} or {@code 0019}
     */
    public void check(CertificateRequest request) {
        CsrPolicy.check(request);
    }

    /**
     * Issues a member certificate from its CSR.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0003} CSR signature, {@code 0018} key, {@code 0019} extension,
     *                        {@code 0013} when the member is suspended or removed
     */
    public IssuedCertificate issue(Member member, CertificateRequest request) {
        if (member.status() != MemberStatus.APPLICANT && member.status() != MemberStatus.ACTIVE) {
            throw new CairnException(ErrorCode.MEMBER_WRONG_STATE, "a " + member.status().label()
                    + " member gets no certificate");
        }
        CsrPolicy.Checked checked = CsrPolicy.check(request);
        Instant now = clock.instant();
        BigInteger serial = CertificateProfiles.serial(random);
        X509CertificateHolder made = CertificateProfiles.member(key, certificate(), member, checked, serial, now, settings);
        IssuedCertificate issued = new IssuedCertificate(serial.toString(16), member.id(), member.lei().value(),
                made.getSubject().toString(), Pem.sha256(made), Pem.of(made), made.getNotBefore().toInstant(),
                made.getNotAfter().toInstant(), now, CertificateStatus.VALID, Optional.empty(), Optional.empty());
        jdbi.useTransaction(h -> certificates.insert(h, issued));
        return issued;
    }

    /**
     * Puts every certificate of a member on the CRL. {@link RevocationReason#CERTIFICATE_HOLD} holds its valid
     * certificates; any other reason revokes its valid and held certificates for good. A new CRL is made when
     * anything changed.
     *
     * @return the certificates changed
     */
    public List<IssuedCertificate> revokeAll(UUID memberId, RevocationReason reason, Instant at) {
        boolean hold = reason == RevocationReason.CERTIFICATE_HOLD;
        List<CertificateStatus> from = hold ? List.of(CertificateStatus.VALID)
                : List.of(CertificateStatus.VALID, CertificateStatus.ON_HOLD);
        return jdbi.inTransaction(h -> changed(h, certificates.transition(h, memberId, from,
                hold ? CertificateStatus.ON_HOLD : CertificateStatus.REVOKED, Optional.of(reason), at)));
    }

    /**
     * Lifts the hold on a member's certificates: they leave the CRL (a new one is made).
     *
     * @return the certificates valid again
     */
    public List<IssuedCertificate> reinstate(UUID memberId) {
        return jdbi.inTransaction(h -> changed(h, certificates.transition(h, memberId, List.of(CertificateStatus.ON_HOLD),
                CertificateStatus.VALID, Optional.empty(), clock.instant())));
    }

    private List<IssuedCertificate> changed(Handle h, List<IssuedCertificate> changed) {
        if (!changed.isEmpty()) {
            publishCrl(h, certificate());
        }
        return changed;
    }

    private void publishCrl(Handle h, X509CertificateHolder ca) {
        long number = record.nextCrlNumber(h);
        record.storeCrl(h, RevocationList.sign(key, ca, number, clock.instant(), settings.crlValidity(),
                certificates.revoked(h)));
    }

    /**
     * The latest CRL, DER. A new one is made first when half of the latest one's validity has passed (so a
     * published CRL is never stale).
     */
    public byte[] crl() {
        return currentCrl().der();
    }

    RevocationList currentCrl() {
        X509CertificateHolder ca = certificate();
        Optional<RevocationList> latest = record.latestCrl();
        if (latest.isPresent() && clock.instant().isBefore(halfway(latest.get()))) {
            return latest.get();
        }
        jdbi.useTransaction(h -> publishCrl(h, ca));
        return record.latestCrl().orElseThrow();
    }

    private static Instant halfway(RevocationList crl) {
        return crl.thisUpdate().plus(java.time.Duration.between(crl.thisUpdate(), crl.nextUpdate()).dividedBy(2));
    }

    /** The certificates issued to a member, oldest first. */
    public List<IssuedCertificate> certificatesOf(UUID memberId) {
        return jdbi.withHandle(h -> certificates.ofMember(h, memberId));
    }

    /** The certificates issued to the member with this LEI, oldest first. */
    public List<IssuedCertificate> certificatesOf(String lei) {
        return jdbi.withHandle(h -> certificates.ofLei(h, lei));
    }

    /** A certificate by serial (lower-case hexadecimal). */
    public Optional<IssuedCertificate> find(String serial) {
        return jdbi.withHandle(h -> certificates.find(h, serial));
    }

    /** The membership workflow's issuer over this CA. */
    public CertificateIssuer issuer() {
        return new MemberCertificateIssuer(this, clock);
    }

    /** The HTTP resources: {@code /api/v1/ca/certificate}, {@code /api/v1/ca/crl}, {@code /api/v1/members/{lei}/certificates}. */
    public List<ApiService> apiServices() {
        return List.of(new CaApi(this));
    }
}
