package io.cairn.connector.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.spi.SignatureScheme;
import io.cairn.connector.spi.SigningRequest;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SigningSeamTest {

    private static final KeyPair KEYS = p256();
    private static final KeyPair OTHER = p256();

    private final List<SigningRequest> requests = new ArrayList<>();

    @Test
    void signsTheMessageItselfAsAFabricRequestAndReturnsAVerifyingLowSSignature() throws Exception {
        byte[] message = message(1);
        byte[] der = seam(new SoftwareP256Signer("k", KEYS) {
            @Override
            public byte[] sign(SigningRequest request) {
                requests.add(request);
                return super.sign(request);
            }
        }).sign(message);

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.scheme()).isEqualTo(SignatureScheme.ECDSA_P256_SHA256_DER);
            assertThat(r.keyAlias()).isEqualTo("k");
            assertThat(r.payload()).isEqualTo(message);
        });
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(KEYS.getPublic());
        verifier.update(message);
        assertThat(verifier.verify(der)).isTrue();
    }

    @Test
    void aHighSSignatureIsRefused() {
        SigningSeam seam = seam(tampering(der -> SoftwareP256Signer.withS(der, true)));
        assertSigningFailed(() -> seam.sign(message(2)), "high S");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        SigningSeam seam = seam(new SoftwareP256Signer("k", OTHER));
        assertSigningFailed(() -> seam.sign(message(3)), "does not verify");
    }

    @Test
    void garbageIsRefused() {
        SigningSeam seam = seam(tampering(der -> new byte[] {1, 2, 3}));
        assertSigningFailed(() -> seam.sign(message(4)), "not a DER");
    }

    @Test
    void aCustodyFailureIsASigningFailure() {
        SigningSeam seam = seam(new SoftwareP256Signer("k", KEYS) {
            @Override
            public byte[] sign(SigningRequest request) {
                throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "token gone");
            }
        });
        assertSigningFailed(() -> seam.sign(message(5)), "token gone");
    }

    /** A signer whose signatures pass through {@code tamper}. */
    private static SoftwareP256Signer tampering(java.util.function.UnaryOperator<byte[]> tamper) {
        return new SoftwareP256Signer("k", KEYS) {
            @Override
            public byte[] sign(SigningRequest request) {
                return tamper.apply(super.sign(request));
            }
        };
    }

    private static SigningSeam seam(SoftwareP256Signer signer) {
        return new SigningSeam(signer, "k", "fabric-test", KEYS.getPublic());
    }

    private static void assertSigningFailed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String why) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_SIGNING_FAILED);
            assertThat(e.getMessage()).contains(why);
        });
    }

    private static byte[] message(long seed) {
        byte[] bytes = new byte[200];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
