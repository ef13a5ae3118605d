package io.cairn.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.membership.Member;
import io.cairn.membership.MemberStatus;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The CA's stored state over a real PostgreSQL: the CA certificate made once, certificates, CRL numbers. */
@Tag("integration")
class ConsortiumCaTest extends CaDatabaseTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final KeyPair pair = TestKeys.ec("secp256r1");

    private ConsortiumCa ca(KeyPair key) {
        return new ConsortiumCa(db.jdbi(), TestKeys.caKey(key), CaSettings.defaults(), clock);
    }

    @Test
    void theCaCertificateIsMadeOnceAndAnotherKeyIsRefused() {
        ConsortiumCa first = ca(pair);
        clock.advance(Duration.ofDays(1));
        assertThat(ca(pair).certificatePem()).isEqualTo(first.certificatePem());
        assertThat(first.certificate().getSubject().toString()).isEqualTo("CN=Cairn Consortium CA,O=Cairn Consortium");
        CsrPolicyTest.assertThrows(() -> ca(TestKeys.ec("secp256r1")).certificatePem(), ErrorCode.MEMBER_CA_KEY_MISMATCH,
                "not the key of the consortium CA certificate");
    }

    @Test
    void aCaCertificateMadeInATransactionThatFailsIsForgotten() {
        ConsortiumCa ca = ca(pair);
        List<String> made = new ArrayList<>();
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
            made.add(ca.certificatePem());
            throw new IllegalStateException("the caller's transaction fails");
        })).hasMessage("the caller's transaction fails");
        String kept = ca.certificatePem();
        assertThat(kept).isNotEqualTo(made.get(0));
        assertThat(ca(pair).certificatePem()).isEqualTo(kept);
    }

    @Test
    void everyIssuedCertificateIsStoredWithADistinctSerialAndFingerprint() {
        ConsortiumCa ca = ca(pair);
        Member member = TestCsrs.member();
        Set<String> serials = new HashSet<>();
        Set<String> fingerprints = new HashSet<>();
        KeyPair memberKey = TestKeys.ec("secp256r1");
        for (int i = 0; i < 20; i++) {
            IssuedCertificate c = ca.issue(member, TestCsrs.request(memberKey, "CN=node" + i));
            serials.add(c.serial());
            fingerprints.add(c.sha256());
            assertThat(Pem.sha256(Pem.certificate(c.pem()))).isEqualTo(c.sha256());
            assertThat(Pem.certificate(c.pem()).getSerialNumber()).isEqualTo(new BigInteger(c.serial(), 16));
        }
        assertThat(serials).hasSize(20);
        assertThat(fingerprints).hasSize(20);
        assertThat(ca.certificatesOf(member.id())).hasSize(20).allMatch(c -> c.status() == CertificateStatus.VALID);
        assertThat(ca.certificatesOf(TestCsrs.LEI)).hasSize(20);
    }

    @Test
    void suspendedOrRemovedMembersGetNoCertificate() {
        ConsortiumCa ca = ca(pair);
        for (MemberStatus status : new MemberStatus[] {MemberStatus.SUSPENDED, MemberStatus.REMOVED}) {
            Member member = TestCsrs.member(TestCsrs.LEI, "Bank A AG", "DE", status);
            CsrPolicyTest.assertThrows(() -> ca.issue(member, TestCsrs.request(pair, "CN=x")), ErrorCode.MEMBER_WRONG_STATE,
                    "gets no certificate");
        }
        assertThat(ca.certificatesOf(TestCsrs.LEI)).isEmpty();
    }

    @Test
    void theCrlNumberGrowsWithEveryChangeAndTheCrlIsRenewedHalfwayThroughItsValidity() throws Exception {
        ConsortiumCa ca = ca(pair);
        Member member = TestCsrs.member();
        ca.issue(member, TestCsrs.request(TestKeys.ec("secp256r1"), "CN=node1"));
        long initial = number(ca.crl());
        assertThat(ca.revokeAll(member.id(), RevocationReason.CERTIFICATE_HOLD, clock.instant())).hasSize(1);
        long held = number(ca.crl());
        assertThat(ca.revokeAll(member.id(), RevocationReason.CERTIFICATE_HOLD, clock.instant())).isEmpty();
        assertThat(number(ca.crl())).as("nothing changed, same CRL").isEqualTo(held);
        clock.advance(Duration.ofDays(3));
        assertThat(number(ca.crl())).as("before half of the 7 days").isEqualTo(held);
        clock.advance(Duration.ofDays(1));
        long renewed = number(ca.crl());
        assertThat(initial).isLessThan(held);
        assertThat(renewed).isEqualTo(held + 1);
        X509CRLHolder crl = new X509CRLHolder(ca.crl());
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(clock.instant());
        assertThat(crl.getRevokedCertificates().size()).isEqualTo(1);
    }

    @Test
    void removalRevokesHeldCertificatesAndReinstatingRevokedOnesDoesNothing() {
        ConsortiumCa ca = ca(pair);
        Member member = TestCsrs.member();
        IssuedCertificate c = ca.issue(member, TestCsrs.request(TestKeys.ec("secp256r1"), "CN=node1"));
        ca.revokeAll(member.id(), RevocationReason.CERTIFICATE_HOLD, clock.instant());
        clock.advance(Duration.ofHours(1));
        assertThat(ca.revokeAll(member.id(), RevocationReason.CESSATION_OF_OPERATION, clock.instant()))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CertificateStatus.REVOKED);
                    assertThat(r.revokedAt()).contains(clock.instant());
                });
        assertThat(ca.reinstate(member.id())).isEmpty();
        assertThat(ca.find(c.serial()).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
    }

    @Test
    void writesJoinTheCallersTransactionOnTheSameJdbi() {
        ConsortiumCa ca = ca(pair);
        Member member = TestCsrs.member();
        long before = number(ca.crl());
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
            ca.issue(member, TestCsrs.request(TestKeys.ec("secp256r1"), "CN=node1"));
            ca.revokeAll(member.id(), RevocationReason.CERTIFICATE_HOLD, clock.instant());
            throw new IllegalStateException("the caller's transaction fails");
        })).hasMessage("the caller's transaction fails");
        assertThat(ca.certificatesOf(member.id())).isEmpty();
        assertThat(number(ca.crl())).isEqualTo(before);
    }

    private static long number(byte[] der) {
        try {
            return CRLNumber.getInstance(new X509CRLHolder(der).getExtension(Extension.cRLNumber).getParsedValue())
                    .getCRLNumber().longValueExact();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
