package io.cairn.custody.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Transit's {@code public_key} text: PEM SubjectPublicKeyInfo for ECDSA, base64 of the raw point for Ed25519. */
class TransitPublicKeyTest {

    @Test
    void pemP256KeysBecomeTheRawPoint() throws GeneralSecurityException {
        for (int i = 0; i < 20; i++) {
            PublicKey key = ecKey("secp256r1");
            EncodedPublicKey decoded = TransitPublicKey.decode(Curve.P256, pem(key.getEncoded())).orElseThrow();
            assertThat(decoded.subjectPublicKeyInfo()).isEqualTo(key.getEncoded());
            assertThat(decoded.raw()).hasSize(65).startsWith(4);
        }
    }

    @Test
    void ed25519KeysAreReadFromBase64OrPem() throws GeneralSecurityException {
        PublicKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        byte[] spki = key.getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        EncodedPublicKey expected = new EncodedPublicKey(Curve.ED25519, raw);
        assertThat(TransitPublicKey.decode(Curve.ED25519, Base64.getEncoder().encodeToString(raw))).contains(expected);
        assertThat(TransitPublicKey.decode(Curve.ED25519, pem(spki))).contains(expected);
    }

    @Test
    void keysOfAnotherCurveOrMalformedTextAreRefused() throws GeneralSecurityException {
        String p256 = pem(ecKey("secp256r1").getEncoded());
        assertThat(TransitPublicKey.decode(Curve.ED25519, p256)).isEmpty();
        assertThat(TransitPublicKey.decode(Curve.SECP256K1, p256)).isEmpty();
        assertThat(TransitPublicKey.decode(Curve.P256, p256.replace("PUBLIC KEY", "CERTIFICATE"))).isEmpty();
        assertThat(TransitPublicKey.decode(Curve.P256, p256.substring(0, p256.length() / 2))).isEmpty();
        assertThat(TransitPublicKey.decode(Curve.P256, Base64.getEncoder().encodeToString(new byte[65]))).isEmpty();
        assertThat(TransitPublicKey.decode(Curve.ED25519, Base64.getEncoder().encodeToString(new byte[31]))).isEmpty();
        assertThat(TransitPublicKey.decode(Curve.ED25519, "not base64!")).isEmpty();
    }

    static String pem(byte[] spki) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static PublicKey ecKey(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair().getPublic();
    }
}
