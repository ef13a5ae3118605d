package io.cairn.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

class RevocationListTest {
    @Test
    void aCrlListsEachRevokedCertificateWithItsReasonAndIsSignedByTheCa() throws Exception {
        for (KeyPair pair : List.of(TestKeys.ec("secp256r1"), TestKeys.ed25519())) {
            CaKey key = TestKeys.caKey(pair);
            X509CertificateHolder ca = CertificateProfilesTest.ca(key, Duration.ofDays(3650));
            Instant now = Instant.parse("2026-04-01T12:00:00.5Z");
            IssuedCertificate held = revoked("a1", RevocationReason.CERTIFICATE_HOLD, now.minusSeconds(60));
            IssuedCertificate gone = revoked("ff00", RevocationReason.CESSATION_OF_OPERATION, now.minusSeconds(30));
            RevocationList crl = RevocationList.sign(key, ca, 42, now, Duration.ofDays(7), List.of(held, gone));

            X509CRLHolder parsed = new X509CRLHolder(crl.der());
            assertThat(parsed.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pair.getPublic()))).isTrue();
            assertThat(parsed.getIssuer()).isEqualTo(ca.getSubject());
            assertThat(parsed.getThisUpdate().toInstant()).isEqualTo(Instant.parse("2026-04-01T12:00:00Z"));
            assertThat(parsed.getNextUpdate().toInstant()).isEqualTo(Instant.parse("2026-04-08T12:00:00Z"));
            assertThat(CRLNumber.getInstance(parsed.getExtension(Extension.cRLNumber).getParsedValue()).getCRLNumber())
                    .isEqualTo(BigInteger.valueOf(42));
            assertThat(parsed.getExtension(Extension.authorityKeyIdentifier)).isNotNull();
            assertThat(reason(parsed.getRevokedCertificate(new BigInteger("a1", 16)))).isEqualTo(CRLReason.certificateHold);
            assertThat(reason(parsed.getRevokedCertificate(new BigInteger("ff00", 16))))
                    .isEqualTo(CRLReason.cessationOfOperation);
            assertThat(parsed.getRevokedCertificates().size()).isEqualTo(2);
        }
    }

    private static int reason(X509CRLEntryHolder entry) {
        return CRLReason.getInstance(entry.getExtensions().getExtension(Extension.reasonCode).getParsedValue())
                .getValue().intValue();
    }

    private static IssuedCertificate revoked(String serial, RevocationReason reason, Instant at) {
        return new IssuedCertificate(serial, UUID.randomUUID(), TestCsrs.LEI, "CN=x", "00", "pem", at, at, at,
                reason == RevocationReason.CERTIFICATE_HOLD ? CertificateStatus.ON_HOLD : CertificateStatus.REVOKED,
                Optional.of(at), Optional.of(reason));
    }
}
