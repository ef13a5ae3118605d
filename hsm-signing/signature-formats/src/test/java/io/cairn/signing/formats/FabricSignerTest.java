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

/** Fabric signatures verify with the JDK's SHA256withECDSA over the message and have low S. */
class FabricSignerTest {
    private final SoftwareKeys keys = new SoftwareKeys();
    private final FabricSigner signer = new FabricSigner(keys.custody);

    @Test
    void derSignaturesVerifyWithTheJdkAndHaveLowS() throws Exception {
        Random random = new Random(0xfab_51L);
        KeyHandle key = keys.generate(Curve.P256);
        byte[] spki = keys.custody.publicKey(key).subjectPublicKeyInfo();
        for (int i = 0; i < 50; i++) {
            byte[] proposal = EthereumSignerTest.bytes(random, 1 + random.nextInt(2000));

            FabricSignature signature = signer.sign(key, proposal);

            assertThat(JcaVerifier.verify("SHA256withECDSA", spki, proposal, signature.der())).isTrue();
            assertThat(EcdsaSignature.fromDer(Curve.P256, signature.der()).isLowS()).isTrue();
            assertThat(signature.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(proposal));
            proposal[random.nextInt(proposal.length)] ^= 1;
            assertThat(JcaVerifier.verify("SHA256withECDSA", spki, proposal, signature.der())).isFalse();
        }
    }

    @Test
    void aHighSFromTheCustodyIsNormalised() {
        KeyHandle key = keys.generate(Curve.P256);
        FabricSignature signature = new FabricSigner(TamperingCustody.highS(keys.custody)).sign(key, new byte[] {1, 2, 3});
        assertThat(EcdsaSignature.fromDer(Curve.P256, signature.der()).isLowS()).isTrue();
        assertThat(JcaVerifier.verify("SHA256withECDSA", keys.custody.publicKey(key).subjectPublicKeyInfo(),
                new byte[] {1, 2, 3}, signature.der())).isTrue();
    }

    @Test
    void refusesOtherCurvesAndEmptyMessages() {
        KeyHandle k1 = keys.generate(Curve.SECP256K1);
        KeyHandle p256 = keys.generate(Curve.P256);
        assertThatThrownBy(() -> signer.sign(k1, new byte[] {1}))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("key"));
        assertThatThrownBy(() -> signer.sign(p256, new byte[0]))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT));
    }
}
