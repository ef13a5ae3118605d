package io.cairn.connector.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The hash pointer of one verification block: what an anchor writes to a ledger.
 *
 * <p>The application id is restricted to 1-32 characters of {@code [a-z0-9._-]} so that it fits
 * every ledger's smallest key type (an EVM {@code bytes32}, a Fabric key, a Corda state field) without
 * hashing, and can be read back from the ledger as it was written.
 *
 * @param digest      the 32-byte hash of the verification block
 * @param application the application the block belongs to
 * @param blockSeq    the block's sequence number within the application (0-based)
 */
public record HashPointer(byte[] digest, String application, long blockSeq) {

    /** Length of {@link #digest()} in bytes. */
    public static final int DIGEST_LENGTH = 32;


    /** Validates and copies the digest. */
    public HashPointer {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(application, "application");
        if (digest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("a hash pointer digest is 32 bytes, got " + digest.length);
        }
        if (!isApplicationId(application)) {
            throw new IllegalArgumentException("application ids are 1-32 characters of [a-z0-9._-]: " + application);
        }
        if (blockSeq < 0) {
            throw new IllegalArgumentException("block sequence numbers are not negative: " + blockSeq);
        }
        digest = digest.clone();
    }

    /** A copy of the 32-byte digest. */
    @Override
    public byte[] digest() {
        return digest.clone();
    }

    /** The digest as lower-case hex without prefix. */
    public String digestHex() {
        return HexFormat.of().formatHex(digest);
    }

    /** The application id as UTF-8 bytes, left-aligned and zero-padded to 32 bytes. */
    public byte[] applicationBytes32() {
        byte[] out = new byte[DIGEST_LENGTH];
        byte[] utf8 = application.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, out, 0, utf8.length);
        return out;
    }

    /**
     * Reads an application id written by {@link #applicationBytes32()}.
     *
     * @throws IllegalArgumentException when the bytes are not a padded application id
     */
    public static String applicationFromBytes32(byte[] bytes32) {
        if (bytes32.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("expected 32 bytes, got " + bytes32.length);
        }
        int end = 0;
        while (end < bytes32.length && bytes32[end] != 0) {
            end++;
        }
        for (int i = end; i < bytes32.length; i++) {
            if (bytes32[i] != 0) {
                throw new IllegalArgumentException("application id is not zero-padded");
            }
        }
        String app = new String(bytes32, 0, end, StandardCharsets.US_ASCII);
        if (!isApplicationId(app)) {
            throw new IllegalArgumentException("not an application id: " + app);
        }
        return app;
    }

    /** Whether {@code candidate} is 1-32 characters of {@code [a-z0-9._-]}. */
    public static boolean isApplicationId(String candidate) {
        int length = candidate.length();
        if (length < 1 || length > DIGEST_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = candidate.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HashPointer that
                && Arrays.equals(digest, that.digest)
                && application.equals(that.application)
                && blockSeq == that.blockSeq;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(digest), application, blockSeq);
    }

    @Override
    public String toString() {
        return "HashPointer[" + application + "#" + blockSeq + " " + digestHex() + "]";
    }
}
