package io.cairn.signing.formats;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Verifies signatures with standard JCA verifiers: the JDK's SunEC for P-256 and Ed25519, BouncyCastle's
 * provider for secp256k1 (which current JDKs no longer offer).
 */
final class JcaVerifier {
    private static final Provider BC = new BouncyCastleProvider();

    private JcaVerifier() {
    }

    static boolean verify(String algorithm, byte[] subjectPublicKeyInfo, byte[] data, byte[] signature) {
        try {
            Curve curve = EncodedPublicKey.fromSubjectPublicKeyInfo(subjectPublicKeyInfo).orElseThrow().curve();
            Signature verifier = curve == Curve.SECP256K1 ? Signature.getInstance(algorithm, BC)
                    : Signature.getInstance(algorithm);
            verifier.initVerify(publicKey(curve, subjectPublicKeyInfo));
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(Curve curve, byte[] spki) throws GeneralSecurityException {
        KeyFactory factory = switch (curve) {
            case ED25519 -> KeyFactory.getInstance("Ed25519");
            case P256 -> KeyFactory.getInstance("EC");
            case SECP256K1 -> KeyFactory.getInstance("EC", BC);
        };
        return factory.generatePublic(new X509EncodedKeySpec(spki));
    }
}
