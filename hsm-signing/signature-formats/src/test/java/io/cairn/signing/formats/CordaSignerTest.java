package io.cairn.signing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Corda signatures verify with JCA (SunEC) and BouncyCastle verifiers under each scheme's algorithm. */
class CordaSignerTest {
    private final SoftwareKeys keys = new SoftwareKeys();
    private final CordaSigner signer = new CordaSigner(keys.custody);

    @ParameterizedTest
    @EnumSource(CordaSignatureScheme.class)
    void transactionIdSignaturesVerify(CordaSignatureScheme scheme) {
        Random random = new Random(0xc0_da + scheme.ordinal());
        KeyHandle key = keys.generate(scheme.curve());
        for (int i = 0; i < 20; i++) {
            byte[] txId = EthereumSignerTest.bytes(random, 32);

            CordaSignature signature = signer.signTransactionId(key, txId);

            assertThat(signature.scheme()).isEqualTo(scheme);
            assertThat(signature.content()).isEqualTo(CordaSignedContent.TRANSACTION_ID);
            assertThat(JcaVerifier.verify(scheme.jcaAlgorithm(), signature.signerPublicKey(), txId, signature.bytes()))
                    .isTrue();
            txId[0] ^= 1;
            assertThat(JcaVerifier.verify(scheme.jcaAlgorithm(), signature.signerPublicKey(), txId, signature.bytes()))
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(CordaSignatureScheme.class)
    void signableDataSignaturesCoverTheSerialisedBytes(CordaSignatureScheme scheme) {
        Random random = new Random(0x5d + scheme.ordinal());
        KeyHandle key = keys.generate(scheme.curve());
        byte[] txId = EthereumSignerTest.bytes(random, 32);
        byte[] serialised = serialisedLike(txId, random);

        CordaSignature signature = signer.signSignableData(key, txId, serialised);

        assertThat(signature.content()).isEqualTo(CordaSignedContent.SIGNABLE_DATA);
        assertThat(JcaVerifier.verify(scheme.jcaAlgorithm(), signature.signerPublicKey(), serialised,
                signature.bytes())).isTrue();
        assertThat(JcaVerifier.verify(scheme.jcaAlgorithm(), signature.signerPublicKey(), txId, signature.bytes()))
                .isFalse();
        assertThat(signer.metadata(key, 12)).isEqualTo(new CordaSignatureMetadata(12, scheme.schemeNumberId()));
    }

    @ParameterizedTest
    @EnumSource(CordaSignatureScheme.class)
    void refusesBytesThatAreNotSignableDataForTheId(CordaSignatureScheme scheme) {
        Random random = new Random(0xbad + scheme.ordinal());
        KeyHandle key = keys.generate(scheme.curve());
        byte[] txId = EthereumSignerTest.bytes(random, 32);
        byte[] otherId = EthereumSignerTest.bytes(random, 32);
        byte[] noMagic = serialisedLike(txId, random);
        noMagic[0] = 'C';
        assertThatThrownBy(() -> signer.signSignableData(key, txId, noMagic))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT));
        assertThatThrownBy(() -> signer.signSignableData(key, txId, serialisedLike(otherId, random)))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT));
        assertThatThrownBy(() -> signer.signTransactionId(key, new byte[31]))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT));
    }

    @org.junit.jupiter.api.Test
    void schemeNumbersAreCordas() {
        assertThat(CordaSignatureScheme.ECDSA_SECP256K1_SHA256.schemeNumberId()).isEqualTo(2);
        assertThat(CordaSignatureScheme.ECDSA_SECP256R1_SHA256.schemeNumberId()).isEqualTo(3);
        assertThat(CordaSignatureScheme.EDDSA_ED25519_SHA512.schemeNumberId()).isEqualTo(4);
        assertThat(CordaSignatureScheme.forCurve(Curve.P256)).isEqualTo(CordaSignatureScheme.ECDSA_SECP256R1_SHA256);
    }

    /** Bytes shaped like a Corda AMQP serialisation: the header, then filler around the transaction id. */
    private static byte[] serialisedLike(byte[] txId, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'c', 'o', 'r', 'd', 'a', 1, 0});
        out.writeBytes(EthereumSignerTest.bytes(random, 40));
        out.writeBytes(txId);
        out.writeBytes(EthereumSignerTest.bytes(random, 60));
        return out.toByteArray();
    }
}
