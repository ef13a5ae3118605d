package io.cairn.ca;

import static io.cairn.ca.TestCsrs.dns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.membership.CertificateRequest;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class CsrPolicyTest {
    private static final KeyPair P256 = TestKeys.ec("secp256r1");

    @Test
    void approvedKeysAreAccepted() {
        for (KeyPair key : new KeyPair[] {P256, TestKeys.ec("secp384r1"), TestKeys.ec("secp521r1"), TestKeys.ed25519(),
                TestKeys.rsa(2048, 65537)}) {
            CsrPolicy.Checked checked = CsrPolicy.check(TestCsrs.request(key, "CN=node1,O=Ignored Ltd"));
            assertThat(checked.commonName()).contains("node1");
            assertThat(checked.dnsNames()).isEmpty();
        }
    }

    @Test
    void shortRsaKeysAndSmallExponentsAreRefused() {
        assertRefused(TestKeys.rsa(1024, 65537), ErrorCode.MEMBER_CSR_KEY_REFUSED, "1024 bits");
        assertRefused(TestKeys.rsa(2048, 3), ErrorCode.MEMBER_CSR_KEY_REFUSED, "exponent");
    }

    @Test
    void curvesOutsideTheApprovedSetAreRefused() throws Exception {
        for (String curve : new String[] {"secp256k1", "brainpoolP256r1"}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
            generator.initialize(new ECGenParameterSpec(curve));
            assertRefused(generator.generateKeyPair(), ErrorCode.MEMBER_CSR_KEY_REFUSED, "approved named curve");
        }
    }

    @Test
    void otherKeyTypesAreRefused() throws Exception {
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        KeyPair key = dsa.generateKeyPair();
        assertThrows(() -> CsrPolicy.check(CertificateRequest.parse("csr",
                TestCsrs.pem(key, "SHA256withDSA", "CN=node1"))), ErrorCode.MEMBER_CSR_KEY_REFUSED, "not certified");
    }

    @Test
    void sha1SignaturesAreRefused() {
        assertThrows(() -> CsrPolicy.check(CertificateRequest.parse("csr",
                TestCsrs.pem(P256, "SHA1withECDSA", "CN=node1"))), ErrorCode.MEMBER_CSR_KEY_REFUSED, "SHA-256 or stronger");
    }

    @Test
    void aRequestWhoseSignatureDoesNotVerifyIsMalformed() throws Exception {
        String good = TestCsrs.pem(P256, "CN=node1");
        PKCS10CertificationRequest parsed;
        try (PEMParser parser = new PEMParser(new StringReader(good))) {
            parsed = (PKCS10CertificationRequest) parser.readObject();
        }
        byte[] signature = parsed.getSignature();
        signature[signature.length - 3] ^= 0x01;
        CertificationRequest forged = new CertificationRequest(parsed.toASN1Structure().getCertificationRequestInfo(),
                parsed.getSignatureAlgorithm(), new DERBitString(signature));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new PKCS10CertificationRequest(forged));
        }
        CertificateRequest kept = new CertificateRequest(out.toString(), "CN=node1", "EC");
        assertThrows(() -> CsrPolicy.check(kept), ErrorCode.MEMBER_MALFORMED_CSR, "does not verify");
    }

    @Test
    void onlyDnsHostNamesAreGrantedAsAlternativeNames() {
        CsrPolicy.Checked checked = CsrPolicy.check(TestCsrs.request(P256, "CN=node1",
                dns("Node1.Bank-A.example"), dns("api.bank-a.example")));
        assertThat(checked.dnsNames()).containsExactly("node1.bank-a.example", "api.bank-a.example");

        assertRefused(P256, ErrorCode.MEMBER_CSR_EXTENSION_REFUSED, "GeneralName type 7",
                new GeneralName(GeneralName.iPAddress, "10.0.0.1"));
        assertRefused(P256, ErrorCode.MEMBER_CSR_EXTENSION_REFUSED, "GeneralName type 1",
                new GeneralName(GeneralName.rfc822Name, "ops@bank-a.example"));
        assertRefused(P256, ErrorCode.MEMBER_CSR_EXTENSION_REFUSED, "no wildcards", dns("*.bank-a.example"));
        assertRefused(P256, ErrorCode.MEMBER_CSR_EXTENSION_REFUSED, "not a DNS host name", dns("under_score.example"));
        assertRefused(P256, ErrorCode.MEMBER_CSR_EXTENSION_REFUSED, "not a DNS host name", dns("-dash.example"));
        assertRefused(P256, ErrorCode.MEMBER_CSR_EXTENSION_REFUSED, "at most 50",
                IntStream.range(0, 51).mapToObj(i -> dns("n" + i + ".example")).toArray(GeneralName[]::new));
    }

    @Test
    void theRequestsCommonNameIsKeptOnlyWhenShort() {
        assertThat(CsrPolicy.check(TestCsrs.request(P256, "O=Only An Organisation")).commonName()).isEmpty();
        assertRefused(P256, "CN=" + "x".repeat(65), ErrorCode.MEMBER_MALFORMED_CSR, "1 to 64 characters");
    }

    private static void assertRefused(KeyPair key, ErrorCode code, String detail, GeneralName... names) {
        assertRefused(key, "CN=node1", code, detail, names);
    }

    private static void assertRefused(KeyPair key, String subject, ErrorCode code, String detail, GeneralName... names) {
        assertThrows(() -> CsrPolicy.check(TestCsrs.request(key, subject, names)), code, detail);
    }

    static void assertThrows(ThrowingCallable call, ErrorCode code, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(code);
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
