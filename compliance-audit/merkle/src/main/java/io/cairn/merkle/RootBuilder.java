package io.cairn.merkle;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * Computes the root of a tree from a stream of leaves in one pass and O(log n) memory.
 *
 * <p>It keeps the roots of the perfect subtrees along the right edge of the tree seen so far (a
 * stack of at most 63 hashes) and merges two of them whenever they have the same size, so that
 * appending {@code n} leaves costs {@code n - 1} node hashes in total and allocates nothing.
 * {@link #root()} can be called at any time and appending can go on afterwards.
 *
 * <p>An instance is not thread-safe: it owns one {@link MessageDigest}; use one builder per thread.
 */
public final class RootBuilder {
    private static final int MAX_DEPTH = 64;

    private final MessageDigest digest = TreeHasher.newDigest();
    private final byte[] stack = new byte[MAX_DEPTH * Hash.LENGTH];
    private int depth;
    private long size;

    /** Number of leaves appended so far. */
    public long size() {
        return size;
    }

    /**
     * Appends an entry: hashes it as a leaf and appends the leaf hash.
     *
     * @param entry the entry's canonical bytes
     * @return this builder
     */
    public RootBuilder appendEntry(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        TreeHasher.leafHash(digest, entry, stack, depth * Hash.LENGTH);
        return pushed();
    }

    /**
     * Appends a leaf hash.
     *
     * @param leafHash the leaf hash
     * @return this builder
     */
    public RootBuilder appendLeafHash(Hash leafHash) {
        return appendLeafHash(leafHash.raw(), 0);
    }

    /**
     * Appends a leaf hash read from 32 bytes of an array, without creating a {@link Hash}.
     *
     * @param source array holding the leaf hash
     * @param offset position of its first byte
     * @return this builder
     */
    public RootBuilder appendLeafHash(byte[] source, int offset) {
        Objects.checkFromIndexSize(offset, Hash.LENGTH, source.length);
        System.arraycopy(source, offset, stack, depth * Hash.LENGTH, Hash.LENGTH);
        return pushed();
    }

    private RootBuilder pushed() {
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("tree is full");
        }
        depth++;
        size++;
        for (long merged = size; (merged & 1) == 0; merged >>>= 1) {
            int right = (depth - 1) * Hash.LENGTH;
            int left = right - Hash.LENGTH;
            TreeHasher.nodeHash(digest, stack, left, stack, right, stack, left);
            depth--;
        }
        return this;
    }

    /** The root of the tree of all leaves appended so far; {@code SHA-256("")} when there are none. */
    public Hash root() {
        if (depth == 0) {
            return TreeHasher.emptyRoot();
        }
        byte[] accumulator = new byte[Hash.LENGTH];
        System.arraycopy(stack, (depth - 1) * Hash.LENGTH, accumulator, 0, Hash.LENGTH);
        for (int level = depth - 2; level >= 0; level--) {
            TreeHasher.nodeHash(digest, stack, level * Hash.LENGTH, accumulator, 0, accumulator, 0);
        }
        return Hash.wrap(accumulator);
    }
}
