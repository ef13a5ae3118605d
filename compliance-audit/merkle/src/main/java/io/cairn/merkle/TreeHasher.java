package io.cairn.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * RFC 6962 / RFC 9162 hashing: {@code leaf = SHA-256(0x00 || entry)},
 * {@code node = SHA-256(0x01 || left || right)}, empty tree root {@code SHA-256("")}.
 *
 * <p>The static methods are thread-safe: each thread reuses its own {@link MessageDigest}. Hot loops
 * that own a digest use the array-based methods directly.
 */
public final class TreeHasher {
    /** Prefix of a leaf hash input. */
    public static final byte LEAF_PREFIX = 0x00;
    /** Prefix of an interior node hash input. */
    public static final byte NODE_PREFIX = 0x01;

    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(TreeHasher::newDigest);
    private static final Hash EMPTY_ROOT = Hash.wrap(newDigest().digest());

    private TreeHasher() {
    }

    /** A new SHA-256 digest; SHA-256 is mandatory on every Java platform. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** This thread's reusable SHA-256 digest, for this package's hashing loops. */
    static MessageDigest threadDigest() {
        return DIGESTS.get();
    }

    /** The root of the empty tree, {@code SHA-256("")}. */
    public static Hash emptyRoot() {
        return EMPTY_ROOT;
    }

    /**
     * The leaf hash of an entry.
     *
     * @param entry the entry's canonical bytes
     * @return {@code SHA-256(0x00 || entry)}
     */
    public static Hash leafHash(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest digest = DIGESTS.get();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return Hash.wrap(digest.digest());
    }

    /**
     * The hash of an interior node.
     *
     * @param left  hash of the left child
     * @param right hash of the right child
     * @return {@code SHA-256(0x01 || left || right)}
     */
    public static Hash nodeHash(Hash left, Hash right) {
        byte[] out = new byte[Hash.LENGTH];
        nodeHash(DIGESTS.get(), left.raw(), 0, right.raw(), 0, out, 0);
        return Hash.wrap(out);
    }

    /**
     * Writes {@code SHA-256(0x01 || left || right)} into {@code out}; {@code out} may overlap an input.
     *
     * @param digest      a SHA-256 digest owned by the calling thread
     * @param left        array holding the left child hash
     * @param leftOffset  position of the left child hash
     * @param right       array holding the right child hash
     * @param rightOffset position of the right child hash
     * @param out         array receiving the node hash
     * @param outOffset   position of the node hash in {@code out}
     */
    public static void nodeHash(MessageDigest digest, byte[] left, int leftOffset, byte[] right, int rightOffset,
                                byte[] out, int outOffset) {
        digest.update(NODE_PREFIX);
        digest.update(left, leftOffset, Hash.LENGTH);
        digest.update(right, rightOffset, Hash.LENGTH);
        finish(digest, out, outOffset);
    }

    /**
     * Writes {@code SHA-256(0x00 || entry)} into {@code out}.
     *
     * @param digest    a SHA-256 digest owned by the calling thread
     * @param entry     the entry's canonical bytes
     * @param out       array receiving the leaf hash
     * @param outOffset position of the leaf hash in {@code out}
     */
    public static void leafHash(MessageDigest digest, byte[] entry, byte[] out, int outOffset) {
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        finish(digest, out, outOffset);
    }

    private static void finish(MessageDigest digest, byte[] out, int outOffset) {
        try {
            digest.digest(out, outOffset, Hash.LENGTH);
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for a 32-byte hash at offset " + outOffset, e);
        }
    }
}
