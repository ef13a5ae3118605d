package io.cairn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CertificateRequestTest {
    @Test
    void aSelfSignedRequestIsParsed() {
        CertificateRequest csr = CertificateRequest.parse("csr", TestPki.csr("CN=node1.bank-d.example, O=Bank D, C=FR"));
        assertThat(csr.subject()).isEqualTo("CN=node1.bank-d.example,O=Bank D,C=FR");
        assertThat(csr.keyAlgorithm()).isEqualTo("EC");
        assertThat(csr.pem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
    }

    @Test
    void aRequestWhoseSignatureDoesNotVerifyIsMalformed() {
        String pem = TestPki.csr("CN=x, O=Bank D");
        String body = pem.replace("-----BEGIN CERTIFICATE REQUEST-----", "").replace("-----END CERTIFICATE REQUEST-----", "")
                .replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        // the subject's common name 'x' sits inside the signed part: change it to 'y'
        for (int i = 0; i < der.length - 1; i++) {
            if (der[i] == 0x01 && der[i + 1] == 'x') {
                der[i + 1] = 'y';
                break;
            }
        }
        String tampered = "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n";
        assertMalformed(tampered, "does not verify");
    }

    @Test
    void otherPemBlocksAndGarbageAreMalformed() {
        assertMalformed(TestPki.certificate("CN=ca", true), "CERTIFICATE REQUEST");
        assertMalformed("-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgcmVxdWVzdA==\n-----END CERTIFICATE REQUEST-----",
                "cannot be decoded");
        assertMalformed("", "PEM");
        assertMalformed(null, "PEM");
        String csr = TestPki.csr("CN=a");
        assertMalformed(csr + csr, "single");
    }

    private static void assertMalformed(String pem, String detail) {
        assertThatThrownBy(() -> CertificateRequest.parse("csr", pem)).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.MEMBER_MALFORMED_CSR);
            assertThat(e.field()).contains("csr");
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
