package io.cairn.custody.tck;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.Ed25519Signature;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.SignatureValue;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * Verifies signatures against a reported public key with code no backend signs with: BouncyCastle's
 * lightweight ECDSA verifier for secp256k1 and P-256, and the JDK's Ed25519 for Ed25519.
 */
public final class IndependentVerifier {
    private IndependentVerifier() {
    }

    /**
     * Whether {@code signature} is valid for {@code signed} under {@code publicKey}.
     *
     * @param publicKey the public key the backend reported
     * @param signed    the digest (ECDSA) or message (Ed25519) that was signed
     * @param signature the backend's signature
     */
    public static boolean verifies(EncodedPublicKey publicKey, byte[] signed, SignatureValue signature) {
        if (publicKey.curve() != signature.curve()) {
            return false;
        }
        return switch (signature) {
            case EcdsaSignature ecdsa -> verifiesEcdsa(publicKey, signed, ecdsa);
            case Ed25519Signature ed -> verifiesEd25519(publicKey, signed, ed);
        };
    }

    private static boolean verifiesEcdsa(EncodedPublicKey publicKey, byte[] digest, EcdsaSignature signature) {
        X9ECParameters params = CustomNamedCurves.getByName(publicKey.curve() == Curve.P256 ? "secp256r1" : "secp256k1");
        ECDomainParameters domain = new ECDomainParameters(params);
        ECPublicKeyParameters key = new ECPublicKeyParameters(params.getCurve().decodePoint(publicKey.raw()), domain);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(digest, signature.r(), signature.s());
    }

    private static boolean verifiesEd25519(EncodedPublicKey publicKey, byte[] message, Ed25519Signature signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519", "SunEC")
                    .generatePublic(new X509EncodedKeySpec(publicKey.subjectPublicKeyInfo()));
            Signature verifier = Signature.getInstance("Ed25519", "SunEC");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature.bytes());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's Ed25519 verifier is not available", e);
        }
    }
}
