package io.cairn.ca;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.kernel.testing.MutableClock;
import io.cairn.membership.Member;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA's certificates and CRLs as the real {@code openssl} sees them: the chain verifies, a held or revoked
 * certificate fails {@code -crl_check} with "certificate revoked", a lifted hold verifies again, and
 * {@code openssl crl -inform DER -text} reads the CRL number and reason codes. Over a real PostgreSQL.
 */
@Tag("integration")
class OpensslInteropTest extends CaDatabaseTest {
    @TempDir
    Path files;
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "ed25519"})
    void opensslVerifiesTheChainAndSeesRevocationsOnTheCrl(String caCurve) throws Exception {
        Openssl openssl = Openssl.in(files);
        KeyPair pair = caCurve.equals("ed25519") ? TestKeys.ed25519() : TestKeys.ec(caCurve);
        CaSettings settings = new CaSettings("CN=Example Consortium CA,O=Example Consortium", Duration.ofDays(3650),
                Duration.ofDays(730), Optional.of(URI.create("http://ca.consortium.example/crl")), Duration.ofDays(7), false);
        ConsortiumCa ca = new ConsortiumCa(db.jdbi(), TestKeys.caKey(pair), settings, clock);
        Member member = TestCsrs.member();
        IssuedCertificate issued = ca.issue(member, TestCsrs.request(TestKeys.ec("secp256r1"), "CN=node1.bank-a.example",
                TestCsrs.dns("node1.bank-a.example")));
        Files.writeString(files.resolve("ca.pem"), ca.certificatePem());
        Files.writeString(files.resolve("cert.pem"), issued.pem());

        assertThat(openssl.run("verify", "-CAfile", "ca.pem", "cert.pem").output()).contains("cert.pem: OK");
        long first = writeCrl(openssl, ca, "");
        assertThat(verifyWithCrl(openssl)).contains("cert.pem: OK");

        assertThat(ca.revokeAll(member.id(), RevocationReason.CERTIFICATE_HOLD, clock.instant()))
                .extracting(IssuedCertificate::serial).containsExactly(issued.serial());
        long held = writeCrl(openssl, ca, "Certificate Hold");
        assertThat(verifyWithCrl(openssl)).contains("certificate revoked");

        assertThat(ca.reinstate(member.id())).extracting(IssuedCertificate::status).containsExactly(CertificateStatus.VALID);
        long released = writeCrl(openssl, ca, "No Revoked Certificates");
        assertThat(verifyWithCrl(openssl)).contains("cert.pem: OK");

        ca.revokeAll(member.id(), RevocationReason.CESSATION_OF_OPERATION, clock.instant());
        long removed = writeCrl(openssl, ca, "Cessation Of Operation");
        assertThat(verifyWithCrl(openssl)).contains("certificate revoked");
        assertThat(List.of(first, held, released, removed)).isSorted().doesNotHaveDuplicates();
        assertThat(ca.find(issued.serial()).orElseThrow().reason()).contains(RevocationReason.CESSATION_OF_OPERATION);
    }

    /** Writes the CA's CRL as DER and PEM, checks openssl parses it, and answers its CRL number. */
    private static long writeCrl(Openssl openssl, ConsortiumCa ca, String expected) throws Exception {
        byte[] der = ca.crl();
        Files.write(openssl.workDir().resolve("crl.der"), der);
        Files.writeString(openssl.workDir().resolve("crl.pem"), "-----BEGIN X509 CRL-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END X509 CRL-----\n");
        Openssl.Result text = openssl.run("crl", "-inform", "DER", "-in", "crl.der", "-text", "-noout");
        assertThat(text.exitCode()).as(text.output()).isZero();
        assertThat(text.output()).contains("Issuer: " + "CN = Example Consortium CA, O = Example Consortium")
                .contains("X509v3 CRL Number").contains("Next Update").contains(expected);
        String number = text.output().lines().dropWhile(l -> !l.contains("X509v3 CRL Number")).skip(1).findFirst()
                .orElseThrow().strip();
        return Long.parseLong(number);
    }

    private static String verifyWithCrl(Openssl openssl) throws Exception {
        return openssl.run("verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "cert.pem").output();
    }
}
