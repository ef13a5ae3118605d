package io.cairn.custody.spi;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * An ECDSA signature as its two integers.
 *
 * <p>Backends return signatures already normalised to low-S ({@code s <= n/2}), as Ethereum (EIP-2) and
 * Fabric require; {@link #toLowS()} is idempotent. Ethereum needs {@code r} and {@code s} as 32-byte
 * big-endian values plus a recovery id that the signing service finds against the public key; Fabric
 * needs {@link #der()}.
 *
 * @param curve the curve (must be an ECDSA curve)
 * @param r     the r value, {@code 0 < r < n}
 * @param s     the s value, {@code 0 < s < n}
 */
public record EcdsaSignature(Curve curve, BigInteger r, BigInteger s) implements SignatureValue {

    /** Checks the ranges. */
    public EcdsaSignature {
        Objects.requireNonNull(curve, "curve");
        if (!curve.isEcdsa()) {
            throw new IllegalArgumentException(curve.label() + " is not an ECDSA curve");
        }
        if (!inRange(r, curve) || !inRange(s, curve)) {
            throw new IllegalArgumentException("ECDSA r and s must lie in [1, n-1]");
        }
    }

    /** Whether {@code s <= n/2}. */
    public boolean isLowS() {
        return s.compareTo(curve.order().shiftRight(1)) <= 0;
    }

    /** This signature with {@code s} replaced by {@code n - s} when it is high; itself when already low. */
    public EcdsaSignature toLowS() {
        return isLowS() ? this : new EcdsaSignature(curve, r, curve.order().subtract(s));
    }

    /** ASN.1 DER {@code SEQUENCE { INTEGER r, INTEGER s }}. */
    public byte[] der() {
        byte[] ri = derInteger(r);
        byte[] si = derInteger(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream(72);
        out.write(0x30);
        out.write(ri.length + si.length);
        out.writeBytes(ri);
        out.writeBytes(si);
        return out.toByteArray();
    }

    /** {@code r || s}, each 32 bytes big-endian (IEEE P1363, JWS, Ethereum without v). */
    public byte[] concatenated() {
        byte[] out = new byte[64];
        System.arraycopy(fixed32(r), 0, out, 0, 32);
        System.arraycopy(fixed32(s), 0, out, 32, 32);
        return out;
    }

    /** {@code r} as 32 bytes big-endian. */
    public byte[] rBytes() {
        return fixed32(r);
    }

    /** {@code s} as 32 bytes big-endian. */
    public byte[] sBytes() {
        return fixed32(s);
    }

    @Override
    public byte[] encoded() {
        return der();
    }

    /** Reads a 64-byte {@code r || s} signature. */
    public static EcdsaSignature fromConcatenated(Curve curve, byte[] rs) {
        if (rs.length != 64) {
            throw new IllegalArgumentException("expected 64 bytes r || s, got " + rs.length);
        }
        return new EcdsaSignature(curve, new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)));
    }

    /** Reads a DER {@code SEQUENCE { INTEGER r, INTEGER s }} (short-form lengths, as all 256-bit signatures use). */
    public static EcdsaSignature fromDer(Curve curve, byte[] der) {
        if (der.length < 8 || der[0] != 0x30 || (der[1] & 0xff) != der.length - 2) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        int rLen = integerLength(der, 2);
        BigInteger r = new BigInteger(Arrays.copyOfRange(der, 4, 4 + rLen));
        int sAt = 4 + rLen;
        int sLen = integerLength(der, sAt);
        if (sAt + 2 + sLen != der.length) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        BigInteger s = new BigInteger(Arrays.copyOfRange(der, sAt + 2, sAt + 2 + sLen));
        return new EcdsaSignature(curve, r, s);
    }

    private static int integerLength(byte[] der, int at) {
        if (at + 2 > der.length || der[at] != 0x02 || (der[at + 1] & 0x80) != 0) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        int len = der[at + 1];
        if (len == 0 || at + 2 + len > der.length) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        return len;
    }

    private static boolean inRange(BigInteger v, Curve curve) {
        return v != null && v.signum() > 0 && v.compareTo(curve.order()) < 0;
    }

    private static byte[] derInteger(BigInteger v) {
        byte[] body = v.toByteArray();
        byte[] out = new byte[body.length + 2];
        out[0] = 0x02;
        out[1] = (byte) body.length;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static byte[] fixed32(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }
}
