package io.cairn.custody.software;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.Ed25519Signature;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * An unsealed software private key, held only inside the software custody. ECDSA uses RFC 6979
 * deterministic nonces (HMAC-SHA-256) and returns low-S signatures.
 */
sealed interface SoftwareKey {

    /** The public key. */
    EncodedPublicKey publicKey();

    /** Signs a 32-byte digest (ECDSA) or a message (Ed25519). */
    SignatureValue sign(byte[] input);

    /** A fresh random key. */
    static SoftwareKey generate(Curve curve, SecureRandom random) {
        if (curve == Curve.ED25519) {
            return new Ed25519Key(new Ed25519PrivateKeyParameters(random));
        }
        ECDomainParameters domain = domain(curve);
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, domain.getN().subtract(BigInteger.ONE), random);
        return new EcdsaKey(curve, new ECPrivateKeyParameters(d, domain));
    }

    /** A key from its 32-byte private encoding: the big-endian scalar for ECDSA, the seed for Ed25519. */
    static SoftwareKey fromPrivate(Curve curve, byte[] encoded) {
        if (encoded.length != 32) {
            throw new CairnException(ErrorCode.SIGN_INVALID_INPUT, "a " + curve.label() + " private key is 32 bytes");
        }
        if (curve == Curve.ED25519) {
            return new Ed25519Key(new Ed25519PrivateKeyParameters(encoded, 0));
        }
        BigInteger d = new BigInteger(1, encoded);
        if (d.signum() == 0 || d.compareTo(curve.order()) >= 0) {
            throw new CairnException(ErrorCode.SIGN_INVALID_INPUT, "the private scalar is outside [1, n-1]");
        }
        return new EcdsaKey(curve, new ECPrivateKeyParameters(d, domain(curve)));
    }

    /** The 32-byte private encoding, for sealing only. */
    byte[] privateEncoding();

    private static ECDomainParameters domain(Curve curve) {
        X9ECParameters params = CustomNamedCurves.getByName(curve == Curve.P256 ? "secp256r1" : "secp256k1");
        return new ECDomainParameters(params);
    }

    /** ECDSA on secp256k1 or P-256 with RFC 6979 nonces. */
    record EcdsaKey(Curve curve, ECPrivateKeyParameters key, EncodedPublicKey publicKey) implements SoftwareKey {
        EcdsaKey(Curve curve, ECPrivateKeyParameters key) {
            this(curve, key, new EncodedPublicKey(curve,
                    key.getParameters().getG().multiply(key.getD()).normalize().getEncoded(false)));
        }

        @Override
        public SignatureValue sign(byte[] digest) {
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, key);
            BigInteger[] rs = signer.generateSignature(digest);
            return new EcdsaSignature(curve, rs[0], rs[1]).toLowS();
        }

        @Override
        public byte[] privateEncoding() {
            return BigIntegers.asUnsignedByteArray(32, key.getD());
        }

        @Override
        public String toString() {
            return "EcdsaKey[" + publicKey + "]";
        }
    }

    /** Ed25519 (RFC 8032, pure). */
    record Ed25519Key(Ed25519PrivateKeyParameters key, EncodedPublicKey publicKey) implements SoftwareKey {
        Ed25519Key(Ed25519PrivateKeyParameters key) {
            this(key, new EncodedPublicKey(Curve.ED25519, key.generatePublicKey().getEncoded()));
        }

        @Override
        public SignatureValue sign(byte[] message) {
            byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
            key.sign(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, message, 0, message.length,
                    signature, 0);
            return new Ed25519Signature(signature);
        }

        @Override
        public byte[] privateEncoding() {
            return key.getEncoded();
        }

        @Override
        public String toString() {
            return "Ed25519Key[" + publicKey + "]";
        }
    }
}
