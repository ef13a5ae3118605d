package io.cairn.custody.spi;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A 64-byte Ed25519 signature ({@code R || S}, RFC 8032).
 *
 * @param bytes the signature (copied)
 */
public record Ed25519Signature(byte[] bytes) implements SignatureValue {

    /** Checks the length and copies. */
    public Ed25519Signature {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != 64) {
            throw new IllegalArgumentException("an Ed25519 signature is 64 bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public Curve curve() {
        return Curve.ED25519;
    }

    @Override
    public byte[] encoded() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519Signature other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519Signature[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
