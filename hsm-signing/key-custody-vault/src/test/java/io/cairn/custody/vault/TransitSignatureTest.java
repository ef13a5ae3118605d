package io.cairn.custody.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.Ed25519Signature;
import io.cairn.custody.spi.SignatureValue;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Transit's {@code vault:v<n>:<base64>} signatures: ASN.1 DER ECDSA becomes {@code r, s} with S normalised
 * low (checked against JDK signatures over seeded random digests, in both S halves), Ed25519 passes through.
 */
class TransitSignatureTest {
    private static final long SEED = 20_261_121L;

    @Test
    void derSignaturesBecomeLowSValuesThatStillVerify() throws GeneralSecurityException {
        KeyPair pair = p256();
        Random random = new Random(SEED);
        int highSeen = 0;
        for (int i = 0; i < 200; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            byte[] der = jdkSign(pair, digest);
            EcdsaSignature original = EcdsaSignature.fromDer(Curve.P256, der);
            highSeen += original.isLowS() ? 0 : 1;
            EcdsaSignature decoded = decodeEcdsa(7, "vault:v7:" + Base64.getEncoder().encodeToString(der));
            assertThat(decoded.isLowS()).isTrue();
            assertThat(decoded.r()).isEqualTo(original.r());
            assertThat(decoded.s()).isEqualTo(original.isLowS() ? original.s() : Curve.P256.order().subtract(original.s()));
            assertThat(jdkVerify(pair, digest, decoded.der())).isTrue();
            digest[i % 32] ^= 1;
            assertThat(jdkVerify(pair, digest, decoded.der())).isFalse();
        }
        assertThat(highSeen).as("some JDK signatures had a high S to normalise").isGreaterThan(0);
    }

    @Test
    void highAndLowSOfTheSameSignatureDecodeAlike() throws GeneralSecurityException {
        KeyPair pair = p256();
        byte[] digest = new byte[32];
        new Random(SEED + 1).nextBytes(digest);
        EcdsaSignature signature = EcdsaSignature.fromDer(Curve.P256, jdkSign(pair, digest)).toLowS();
        EcdsaSignature high = new EcdsaSignature(Curve.P256, signature.r(), Curve.P256.order().subtract(signature.s()));
        assertThat(high.isLowS()).isFalse();
        EcdsaSignature fromHigh = decodeEcdsa(1, "vault:v1:" + Base64.getEncoder().encodeToString(high.der()));
        assertThat(fromHigh).isEqualTo(signature);
        assertThat(fromHigh.concatenated()).hasSize(64);
        assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(fromHigh.concatenated(), 32, 64))).isEqualTo(signature.s());
    }

    @Test
    void ed25519SignaturesPassThrough() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(new byte[] {1, 2, 3});
        byte[] bytes = signer.sign();
        SignatureValue decoded = TransitSignature.decode(Curve.ED25519, 2,
                "vault:v2:" + Base64.getEncoder().encodeToString(bytes)).orElseThrow();
        assertThat(decoded).isEqualTo(new Ed25519Signature(bytes));
    }

    @Test
    void malformedOrMismatchedSignaturesAreRefused() {
        String der = Base64.getEncoder().encodeToString(
                new EcdsaSignature(Curve.P256, BigInteger.TEN, BigInteger.TWO).der());
        for (String text : new String[] {"", "vault:v2:" + der, "vault:1:" + der, "v1:" + der, "vault:v1:",
                "vault:v1:" + der.substring(4), "vault:v1:%%%%", "vault:v1:" + Base64.getEncoder().encodeToString(new byte[64]),
                " vault:v1:" + der}) {
            assertThat(TransitSignature.decode(Curve.P256, 1, text)).as(text).isEmpty();
        }
        assertThat(TransitSignature.decode(Curve.P256, 1, "vault:v1:" + der)).isPresent();
        assertThat(TransitSignature.decode(Curve.ED25519, 1, "vault:v1:" + der)).isEmpty();
    }

    private static EcdsaSignature decodeEcdsa(int version, String text) {
        return (EcdsaSignature) TransitSignature.decode(Curve.P256, version, text).orElseThrow();
    }

    static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static byte[] jdkSign(KeyPair pair, byte[] digest) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("NONEwithECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(digest);
        return signer.sign();
    }

    private static boolean jdkVerify(KeyPair pair, byte[] digest, byte[] der) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("NONEwithECDSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(digest);
        return verifier.verify(der);
    }
}
