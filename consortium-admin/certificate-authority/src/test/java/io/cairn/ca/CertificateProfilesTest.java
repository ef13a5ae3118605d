package io.cairn.ca;

import static io.cairn.ca.TestCsrs.dns;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.membership.Member;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

class CertificateProfilesTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00.123Z");
    static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theCaCertificateIsASelfSignedCaLimitedToIssuingEndEntities() throws Exception {
        for (KeyPair pair : List.of(TestKeys.ec("secp256r1"), TestKeys.ed25519())) {
            CaKey key = TestKeys.caKey(pair);
            X509CertificateHolder ca = ca(key, Duration.ofDays(3650));
            X509Certificate jca = jca(ca);
            assertThat(ca.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pair.getPublic()))).isTrue();
            assertThat(jca.getBasicConstraints()).isZero();
            assertThat(ca.getExtension(Extension.basicConstraints).isCritical()).isTrue();
            assertThat(jca.getKeyUsage()).containsExactly(false, false, false, false, false, true, true, false, false);
            assertThat(ca.getExtension(Extension.keyUsage).isCritical()).isTrue();
            assertThat(AuthorityKeyIdentifier.fromExtensions(ca.getExtensions()).getKeyIdentifierOctets())
                    .isEqualTo(SubjectKeyIdentifier.fromExtensions(ca.getExtensions()).getKeyIdentifier());
            assertThat(ca.getSubject()).isEqualTo(ca.getIssuer());
            assertThat(ca.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
            assertThat(ca.getNotAfter().toInstant()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z").plus(Duration.ofDays(3650)));
        }
    }

    @Test
    void aMemberCertificateTakesItsSubjectFromTheMemberAndItsKeyAndNamesFromTheRequest() throws Exception {
        KeyPair caPair = TestKeys.ec("secp256r1");
        CaKey key = TestKeys.caKey(caPair);
        X509CertificateHolder ca = ca(key, Duration.ofDays(3650));
        KeyPair memberKey = TestKeys.ec("secp384r1");
        CsrPolicy.Checked request = CsrPolicy.check(TestCsrs.request(memberKey, "CN=node1.bank-a.example,O=Forged Org,C=XX",
                dns("node1.bank-a.example"), dns("api.bank-a.example")));
        CaSettings settings = new CaSettings("CN=Test CA", Duration.ofDays(3650), Duration.ofDays(730),
                Optional.of(URI.create("http://ca.consortium.example/crl")), Duration.ofDays(7), false);
        Member member = TestCsrs.member();
        X509CertificateHolder cert = CertificateProfiles.member(key, ca, member, request, BigInteger.TEN, NOW, settings);
        X509Certificate jca = jca(cert);

        assertThat(cert.isSignatureValid(new JcaContentVerifierProviderBuilder().build(caPair.getPublic()))).isTrue();
        assertThat(cert.getIssuer()).isEqualTo(ca.getSubject());
        assertThat(rdn(cert, BCStyle.C)).isEqualTo("DE");
        assertThat(rdn(cert, BCStyle.O)).isEqualTo("Bank A AG");
        assertThat(rdn(cert, BCStyle.SERIALNUMBER)).isEqualTo(TestCsrs.LEI);
        assertThat(rdn(cert, BCStyle.CN)).isEqualTo("node1.bank-a.example");
        assertThat(cert.getSubjectPublicKeyInfo().getEncoded()).isEqualTo(memberKey.getPublic().getEncoded());
        assertThat(jca.getBasicConstraints()).isEqualTo(-1);
        assertThat(jca.getKeyUsage()).containsExactly(true, false, false, false, false, false, false, false, false);
        assertThat(cert.getExtension(Extension.keyUsage).isCritical()).isTrue();
        assertThat(jca.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(GeneralNames.fromExtensions(cert.getExtensions(), Extension.subjectAlternativeName).getNames())
                .extracting(n -> n.getName().toString()).containsExactly("node1.bank-a.example", "api.bank-a.example");
        GeneralName where = ((GeneralNames) CRLDistPoint.fromExtensions(cert.getExtensions())
                .getDistributionPoints()[0].getDistributionPoint().getName()).getNames()[0];
        assertThat(where.getName().toString()).isEqualTo("http://ca.consortium.example/crl");
        assertThat(AuthorityKeyIdentifier.fromExtensions(cert.getExtensions()).getKeyIdentifierOctets())
                .isEqualTo(SubjectKeyIdentifier.fromExtensions(ca.getExtensions()).getKeyIdentifier());
        assertThat(SubjectKeyIdentifier.fromExtensions(cert.getExtensions())).isNotNull();
        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(730));
    }

    @Test
    void withoutACommonNameOrDistributionPointTheLegalNameIsTheCommonNameAndServerAuthIsOptional() throws Exception {
        CaKey key = TestKeys.caKey(TestKeys.ed25519());
        X509CertificateHolder ca = ca(key, Duration.ofDays(3650));
        CsrPolicy.Checked request = CsrPolicy.check(TestCsrs.request(TestKeys.ed25519(), "O=Somebody"));
        CaSettings settings = new CaSettings("CN=Test CA", Duration.ofDays(3650), Duration.ofDays(730), Optional.empty(),
                Duration.ofDays(7), true);
        X509CertificateHolder cert = CertificateProfiles.member(key, ca, TestCsrs.member(), request, BigInteger.TWO, NOW, settings);
        assertThat(rdn(cert, BCStyle.CN)).isEqualTo("Bank A AG");
        assertThat(cert.getExtension(Extension.cRLDistributionPoints)).isNull();
        assertThat(cert.getExtension(Extension.subjectAlternativeName)).isNull();
        assertThat(jca(cert).getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.1");
    }

    @Test
    void aMemberCertificateNeverOutlivesTheCa() throws Exception {
        CaKey key = TestKeys.caKey(TestKeys.ec("secp256r1"));
        X509CertificateHolder ca = ca(key, Duration.ofDays(100));
        CsrPolicy.Checked request = CsrPolicy.check(TestCsrs.request(TestKeys.ec("secp256r1"), "CN=node1"));
        X509CertificateHolder cert = CertificateProfiles.member(key, ca, TestCsrs.member(), request, BigInteger.ONE,
                NOW.plus(Duration.ofDays(10)), CaSettings.defaults());
        assertThat(cert.getNotAfter()).isEqualTo(ca.getNotAfter());
    }

    @Test
    void serialsAre128RandomBitsPositiveAndDistinct() {
        Set<BigInteger> seen = new HashSet<>();
        int wide = 0;
        for (int i = 0; i < 20_000; i++) {
            BigInteger serial = CertificateProfiles.serial(RANDOM);
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
            wide += serial.bitLength() > 120 ? 1 : 0;
            assertThat(seen.add(serial)).isTrue();
        }
        // with 128 random bits, a serial is shorter than 121 bits with probability 2^-7
        assertThat(wide).isGreaterThan(19_000);
    }

    static X509CertificateHolder ca(CaKey key, Duration validity) {
        return CertificateProfiles.authority(key, new org.bouncycastle.asn1.x500.X500Name(
                "CN=Test Consortium CA,O=Test Consortium"), CertificateProfiles.serial(RANDOM), NOW, validity);
    }

    static String rdn(X509CertificateHolder cert, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        return IETFUtils.valueToString(cert.getSubject().getRDNs(type)[0].getFirst().getValue());
    }

    static X509Certificate jca(X509CertificateHolder holder) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    }
}
