package io.cairn.custody.spi;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key in its raw encoding: the uncompressed SEC1 point {@code 04 || X || Y} (65 bytes) for ECDSA
 * curves, the 32-byte encoded point for Ed25519.
 *
 * @param curve the curve
 * @param raw   the raw encoding (copied)
 */
public record EncodedPublicKey(Curve curve, byte[] raw) {

    /** Checks the length and point format and copies the bytes. */
    public EncodedPublicKey {
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(raw, "raw");
        if (raw.length != curve.publicKeyLength() || (curve.isEcdsa() && raw[0] != 0x04)) {
            throw new IllegalArgumentException("not a raw " + curve.label() + " public key");
        }
        raw = raw.clone();
    }

    /** The raw encoding (a copy). */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The X.509 SubjectPublicKeyInfo DER encoding, as {@code java.security.spec.X509EncodedKeySpec} takes it. */
    public byte[] subjectPublicKeyInfo() {
        byte[] prefix = curve.spkiPrefix();
        byte[] out = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return out;
    }

    /**
     * Reads a SubjectPublicKeyInfo in the named-curve form the JDK and HSMs produce, for any curve of
     * {@link Curve}; empty for any other key.
     */
    public static Optional<EncodedPublicKey> fromSubjectPublicKeyInfo(byte[] spki) {
        for (Curve curve : Curve.values()) {
            byte[] prefix = curve.spkiPrefix();
            if (spki.length == prefix.length + curve.publicKeyLength()
                    && Arrays.equals(prefix, Arrays.copyOf(spki, prefix.length))) {
                return Optional.of(new EncodedPublicKey(curve,
                        Arrays.copyOfRange(spki, prefix.length, spki.length)));
            }
        }
        return Optional.empty();
    }

    /** The raw encoding in lower-case hex. */
    public String hex() {
        return HexFormat.of().formatHex(raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedPublicKey other && curve == other.curve && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return 31 * curve.hashCode() + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return curve.label() + ":" + hex();
    }
}
