package io.cairn.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link TreeStore} that keeps every level of the tree in memory (about 64 bytes per leaf).
 *
 * <p>Appending a leaf stores its hash and every perfect subtree it completes, so any node can be
 * read in O(1). It serves tests, benchmarks and small per-application trees such as verification
 * blocks. Not thread-safe: appends and reads must not run concurrently without outside locking.
 */
public final class InMemoryTreeStore implements TreeStore {
    private final List<HashColumn> levels = new ArrayList<>();
    private final MessageDigest digest = TreeHasher.newDigest();
    private final byte[] scratch = new byte[Hash.LENGTH];

    /** Creates an empty tree. */
    public InMemoryTreeStore() {
        levels.add(new HashColumn());
    }

    @Override
    public long size() {
        return levels.get(0).size();
    }

    /**
     * Appends an entry, hashed as a leaf.
     *
     * @param entry the entry's canonical bytes
     * @return the index of the new leaf
     */
    public long appendEntry(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        TreeHasher.leafHash(digest, entry, scratch, 0);
        return appendLeafHash(scratch, 0);
    }

    /**
     * Appends a leaf hash.
     *
     * @param leafHash the leaf hash
     * @return the index of the new leaf
     */
    public long appendLeafHash(Hash leafHash) {
        return appendLeafHash(leafHash.raw(), 0);
    }

    /**
     * Appends a leaf hash read from 32 bytes of an array.
     *
     * @param source array holding the leaf hash
     * @param offset position of its first byte
     * @return the index of the new leaf
     */
    public long appendLeafHash(byte[] source, int offset) {
        Objects.checkFromIndexSize(offset, Hash.LENGTH, source.length);
        long leafIndex = size();
        levels.get(0).add(source, offset);
        long index = leafIndex;
        for (int level = 0; (index & 1) == 1; level++, index >>>= 1) {
            HashColumn children = levels.get(level);
            byte[] leftChunk = children.chunk(index - 1);
            byte[] rightChunk = children.chunk(index);
            TreeHasher.nodeHash(digest, leftChunk, HashColumn.offset(index - 1), rightChunk,
                    HashColumn.offset(index), scratch, 0);
            if (levels.size() == level + 1) {
                levels.add(new HashColumn());
            }
            levels.get(level + 1).add(scratch, 0);
        }
        return leafIndex;
    }

    @Override
    public Hash node(NodeId id) {
        if (id.endLeaf() > size() || id.level() >= levels.size()) {
            throw new IllegalArgumentException("node " + id + " is not complete in a tree of " + size() + " leaves");
        }
        return levels.get(id.level()).get(id.index());
    }
}
