package io.cairn.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Generates roots, inclusion proofs and consistency proofs (RFC 9162 sections 2.1.3.1 and 2.1.4.1)
 * for any tree size up to a {@link TreeStore}'s size.
 *
 * <p>Every proof hash is the root of a range of leaves. The left ranges of the RFC's recursion are
 * always perfect subtrees; a right range may not be, and is then folded from the at most 63 perfect
 * subtrees it decomposes into. One proof therefore needs O(log n) nodes, which are read from the
 * store in a single {@link TreeStore#nodes(List)} call.
 */
public final class ProofGenerator {
    private ProofGenerator() {
    }

    /**
     * The root of the first {@code treeSize} leaves.
     *
     * @param store    the tree
     * @param treeSize 0 to {@code store.size()}
     * @return the root; {@code SHA-256("")} for 0
     */
    public static Hash root(TreeStore store, long treeSize) {
        checkSize(store, treeSize, "tree size");
        if (treeSize == 0) {
            return TreeHasher.emptyRoot();
        }
        return resolve(store, List.of(decompose(0, treeSize))).get(0);
    }

    /**
     * The inclusion proof of leaf {@code leafIndex} in the tree of the first {@code treeSize} leaves.
     *
     * @param store     the tree
     * @param leafIndex 0 to {@code treeSize - 1}
     * @param treeSize  1 to {@code store.size()}
     * @return the proof
     */
    public static InclusionProof inclusion(TreeStore store, long leafIndex, long treeSize) {
        checkSize(store, treeSize, "tree size");
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize + " leaves");
        }
        List<List<NodeId>> plan = new ArrayList<>();
        long offset = 0;
        long index = leafIndex;
        long size = treeSize;
        while (size > 1) {
            long split = Long.highestOneBit(size - 1);
            if (index < split) {
                plan.add(decompose(offset + split, offset + size));
                size = split;
            } else {
                plan.add(decompose(offset, offset + split));
                index -= split;
                offset += split;
                size -= split;
            }
        }
        Collections.reverse(plan);
        return new InclusionProof(leafIndex, treeSize, resolve(store, plan));
    }

    /**
     * The consistency proof between the trees of the first {@code size1} and {@code size2} leaves.
     * It is empty when {@code size1} is 0 or equals {@code size2}.
     *
     * @param store the tree
     * @param size1 0 to {@code size2}
     * @param size2 {@code size1} to {@code store.size()}
     * @return the proof
     */
    public static ConsistencyProof consistency(TreeStore store, long size1, long size2) {
        checkSize(store, size2, "size2");
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("size1 must be between 0 and size2 (" + size2 + "): " + size1);
        }
        List<List<NodeId>> plan = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            planSubproof(plan, size1, size2);
        }
        Collections.reverse(plan);
        return new ConsistencyProof(size1, size2, resolve(store, plan));
    }

    /** SUBPROOF(m, D[0:n], true) of RFC 9162, top-down; the caller reverses the order. */
    private static void planSubproof(List<List<NodeId>> plan, long size1, long size2) {
        long offset = 0;
        long m = size1;
        long n = size2;
        boolean wholeOldTree = true;
        while (m != n) {
            long split = Long.highestOneBit(n - 1);
            if (m <= split) {
                plan.add(decompose(offset + split, offset + n));
                n = split;
            } else {
                plan.add(decompose(offset, offset + split));
                m -= split;
                offset += split;
                n -= split;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree) {
            plan.add(decompose(offset, offset + n));
        }
    }

    /**
     * The perfect subtrees, largest first, whose leaves make up {@code [start, end)}. Callers pass
     * ranges whose start is a multiple of the largest power of two not above their length.
     */
    static List<NodeId> decompose(long start, long end) {
        List<NodeId> ids = new ArrayList<>(Long.bitCount(end - start));
        long position = start;
        for (long remaining = end - start; remaining > 0; ) {
            long block = Long.highestOneBit(remaining);
            int level = Long.numberOfTrailingZeros(block);
            ids.add(new NodeId(level, position >>> level));
            position += block;
            remaining -= block;
        }
        return ids;
    }

    /** Reads all planned nodes in one call and folds each range into its hash. */
    private static List<Hash> resolve(TreeStore store, List<List<NodeId>> plan) {
        List<NodeId> all = new ArrayList<>();
        plan.forEach(all::addAll);
        List<Hash> hashes = store.nodes(all);
        if (hashes.size() != all.size()) {
            throw new IllegalStateException("store answered " + hashes.size() + " of " + all.size() + " nodes");
        }
        List<Hash> folded = new ArrayList<>(plan.size());
        int next = 0;
        for (List<NodeId> range : plan) {
            folded.add(foldRight(hashes.subList(next, next + range.size())));
            next += range.size();
        }
        return folded;
    }

    /** The root of adjacent perfect subtrees given largest first: H(a, H(b, H(c, d))). */
    static Hash foldRight(List<Hash> subtrees) {
        Hash accumulator = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            accumulator = TreeHasher.nodeHash(subtrees.get(i), accumulator);
        }
        return accumulator;
    }

    private static void checkSize(TreeStore store, long treeSize, String name) {
        long available = store.size();
        if (treeSize < 0 || treeSize > available) {
            throw new IllegalArgumentException(name + " must be between 0 and " + available + ": " + treeSize);
        }
    }
}
