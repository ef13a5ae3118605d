package io.cairn.signing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest signatures verify with the algorithm they name, over the original data. */
class DigestSignerTest {
    private final SoftwareKeys keys = new SoftwareKeys();
    private final DigestSigner signer = new DigestSigner(keys.custody);

    @ParameterizedTest
    @EnumSource(SignatureEncoding.class)
    void ecdsaSha256SignaturesVerifyUnderTheirNamedAlgorithm(SignatureEncoding encoding) throws Exception {
        Random random = new Random(0xd1 + encoding.ordinal());
        for (Curve curve : new Curve[] {Curve.P256, Curve.SECP256K1}) {
            KeyHandle key = keys.generate(curve);
            byte[] spki = keys.custody.publicKey(key).subjectPublicKeyInfo();
            byte[] data = EthereumSignerTest.bytes(random, 500);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);

            DigestSignature signature = signer.sign(key, digest, DigestAlgorithm.SHA_256, encoding);

            assertThat(signature.algorithm()).isEqualTo(
                    encoding == SignatureEncoding.DER ? "SHA256withECDSA" : "SHA256withECDSAinP1363Format");
            assertThat(JcaVerifier.verify(signature.algorithm(), spki, data, signature.bytes())).isTrue();
            EcdsaSignature parsed = encoding == SignatureEncoding.DER ? EcdsaSignature.fromDer(curve, signature.bytes())
                    : EcdsaSignature.fromConcatenated(curve, signature.bytes());
            assertThat(parsed.isLowS()).isTrue();
            data[0] ^= 1;
            assertThat(JcaVerifier.verify(signature.algorithm(), spki, data, signature.bytes())).isFalse();
        }
    }

    @Test
    void ed25519SignsTheDigestBytes() {
        KeyHandle key = keys.generate(Curve.ED25519);
        byte[] digest = EthereumSignerTest.bytes(new Random(0xed), 32);

        DigestSignature signature = signer.sign(key, digest, DigestAlgorithm.SHA_256, SignatureEncoding.DER);

        assertThat(signature.algorithm()).isEqualTo("Ed25519");
        assertThat(signature.encoding()).isEqualTo(SignatureEncoding.RAW);
        assertThat(JcaVerifier.verify("Ed25519", keys.custody.publicKey(key).subjectPublicKeyInfo(), digest,
                signature.bytes())).isTrue();
    }

    @Test
    void keccakAndSha3AreNamed() {
        KeyHandle key = keys.generate(Curve.SECP256K1);
        byte[] digest = new byte[32];
        assertThat(signer.sign(key, digest, DigestAlgorithm.KECCAK_256, SignatureEncoding.RAW).algorithm())
                .isEqualTo("KECCAK256withECDSAinP1363Format");
        assertThat(signer.sign(key, digest, DigestAlgorithm.SHA3_256, SignatureEncoding.DER).algorithm())
                .isEqualTo("SHA3-256withECDSA");
    }

    @Test
    void refusesDigestsOfTheWrongLength() {
        KeyHandle key = keys.generate(Curve.P256);
        assertThatThrownBy(() -> signer.sign(key, new byte[48], DigestAlgorithm.SHA_256, SignatureEncoding.DER))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT));
    }
}
