package io.cairn.signing.formats;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A low-S secp256k1 signature with the recovery id that makes public key recovery give the signing key.
 *
 * <p>The recovery id is derived from the signing key's public key Q (a pure computation on public values):
 * the point {@code R = s⁻¹·(z·G + r·Q)} of a valid signature has {@code x(R) = r}, and the recovery id is
 * the parity of {@code y(R)}; this is one double-scalar multiplication instead of recovering a public key
 * for each candidate id. Normalising s to low-S first also flips the parity when a backend returned a high
 * s. A signature that does not verify against Q, or whose {@code x(R)} exceeds the group order (recovery
 * ids 2 and 3, which Ethereum cannot express; probability about 2⁻¹²⁸), is refused.
 *
 * @param signature  the low-S signature
 * @param recoveryId 0 or 1
 */
record RecoverableSignature(EcdsaSignature signature, int recoveryId) {
    private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");

    /** The public key as a curve point, for {@link #of}. */
    static ECPoint point(EncodedPublicKey publicKey) {
        if (publicKey.curve() != Curve.SECP256K1) {
            throw Inputs.wrongCurve("Ethereum signing", "secp256k1", publicKey.curve().label());
        }
        return SECP256K1.getCurve().decodePoint(publicKey.raw());
    }

    /** Normalises to low-S and finds the recovery id for the public key {@code q}. */
    static RecoverableSignature of(EcdsaSignature signature, byte[] digest, ECPoint q) {
        EcdsaSignature low = signature.toLowS();
        BigInteger n = SECP256K1.getN();
        BigInteger w = low.s().modInverse(n);
        BigInteger z = new BigInteger(1, digest);
        ECPoint r = ECAlgorithms.sumOfTwoMultiplies(SECP256K1.getG(), z.multiply(w).mod(n), q,
                low.r().multiply(w).mod(n)).normalize();
        if (r.isInfinity() || !r.getAffineXCoord().toBigInteger().equals(low.r())) {
            throw new CairnException(ErrorCode.SIGN_SIGNATURE_FAILED,
                    "the signature returned by the key custody does not verify against the key's public key");
        }
        return new RecoverableSignature(low, r.getAffineYCoord().testBitZero() ? 1 : 0);
    }
}
