package io.cairn.merkle;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable SHA-256 value: a leaf hash, a node hash or a tree root.
 *
 * <p>A final class rather than a record so that the 32 bytes are copied once, when a hash enters
 * the package, and never on the hot paths of tree building and proof generation.
 */
public final class Hash {
    /** Length of every hash in bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A hash holding a copy of the given bytes.
     *
     * @param bytes exactly 32 bytes
     * @return the hash
     * @throws IllegalArgumentException when {@code bytes} is not 32 bytes long
     */
    public static Hash of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return of(bytes, 0, bytes.length);
    }

    /**
     * A hash holding a copy of {@code length} bytes of {@code source} starting at {@code offset}.
     *
     * @param source array holding the hash
     * @param offset position of the first byte
     * @param length must be 32
     * @return the hash
     * @throws IllegalArgumentException when {@code length} is not 32
     */
    public static Hash of(byte[] source, int offset, int length) {
        if (length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 hash has 32 bytes, not " + length);
        }
        Objects.checkFromIndexSize(offset, length, source.length);
        return new Hash(Arrays.copyOfRange(source, offset, offset + LENGTH));
    }

    /**
     * Parses 64 hexadecimal digits.
     *
     * @param hex the digits, either case
     * @return the hash
     * @throws IllegalArgumentException when the text is not 64 hexadecimal digits
     */
    public static Hash fromHex(String hex) {
        return of(HEX.parseHex(hex));
    }

    /**
     * Parses standard (RFC 4648 section 4, padded) base64.
     *
     * @param base64 the encoded hash
     * @return the hash
     * @throws IllegalArgumentException when the text is not base64 or does not decode to 32 bytes
     */
    public static Hash fromBase64(String base64) {
        return of(Base64.getDecoder().decode(base64));
    }

    /** Takes ownership of a freshly computed array; callers must not keep a reference. */
    static Hash wrap(byte[] owned) {
        return new Hash(owned);
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Copies the 32 bytes into {@code target} at {@code offset}.
     *
     * @param target destination array
     * @param offset position of the first byte written
     */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    /** The bytes without a copy, for this package's hashing code only. */
    byte[] raw() {
        return bytes;
    }

    /** Lower-case hexadecimal form. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** Standard padded base64 form, as used in proof files. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash hash && Arrays.equals(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
