package io.cairn.signing.formats;

import io.cairn.custody.spi.Curve;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signature over a caller's digest, with the algorithm named so a verifier knows what to run.
 *
 * @param algorithm the signature algorithm: a JCA name where one exists, e.g. {@code SHA256withECDSA},
 *                  {@code SHA256withECDSAinP1363Format}, {@code KECCAK256withECDSA}; for Ed25519
 *                  {@code Ed25519} (pure EdDSA over the 32 digest bytes)
 * @param curve     the key's curve
 * @param encoding  how the signature is encoded
 * @param digest    the digest that was signed (copied)
 * @param bytes     the signature (copied)
 */
public record DigestSignature(String algorithm, Curve curve, SignatureEncoding encoding, byte[] digest, byte[] bytes) {

    /** Checks and copies. */
    public DigestSignature {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(encoding, "encoding");
        digest = Inputs.exactly("digest", digest, 32);
        bytes = bytes.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigestSignature d && algorithm.equals(d.algorithm) && curve == d.curve
                && encoding == d.encoding && Arrays.equals(digest, d.digest) && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "DigestSignature[" + algorithm + ", " + HexFormat.of().formatHex(bytes) + "]";
    }
}
