package io.cairn.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The right edge of a growing tree: the roots of the perfect subtrees that make up leaves
 * {@code [0, size)}, largest first, one per set bit of {@code size} (so at most 63).
 *
 * <p>This is what a persisted tree keeps in memory to append: {@link #append(Hash)} returns the new
 * leaf and every node the leaf completes (at most {@code log2(size) + 1}), which the caller stores,
 * and {@link #root()} gives the new root. After a restart, {@link #resume(TreeStore)} rebuilds the
 * range from the stored nodes with O(log n) lookups. Not thread-safe.
 */
public final class CompactRange {
    private final List<TreeNode> edge;
    private long size;

    private CompactRange(List<TreeNode> edge, long size) {
        this.edge = edge;
        this.size = size;
    }

    /** The range of the empty tree. */
    public static CompactRange empty() {
        return new CompactRange(new ArrayList<>(), 0);
    }

    /**
     * The range of a tree of {@code size} leaves from its right-edge hashes.
     *
     * @param size      number of leaves
     * @param edgeHashes roots of the perfect subtrees covering {@code [0, size)}, largest first
     * @return the range
     * @throws IllegalArgumentException when the number of hashes is not the number of set bits of {@code size}
     */
    public static CompactRange of(long size, List<Hash> edgeHashes) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        List<NodeId> ids = ProofGenerator.decompose(0, size);
        if (edgeHashes.size() != ids.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + ids.size()
                    + " right-edge nodes, not " + edgeHashes.size());
        }
        List<TreeNode> edge = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            edge.add(new TreeNode(ids.get(i), Objects.requireNonNull(edgeHashes.get(i), "edge hash")));
        }
        return new CompactRange(edge, size);
    }

    /**
     * The range of the whole tree held by {@code store}, read with one {@link TreeStore#nodes(List)} call.
     *
     * @param store a stored tree
     * @return its range
     */
    public static CompactRange resume(TreeStore store) {
        long size = store.size();
        return of(size, store.nodes(ProofGenerator.decompose(0, size)));
    }

    /** Number of leaves covered. */
    public long size() {
        return size;
    }

    /** The right-edge nodes, largest first. */
    public List<TreeNode> edge() {
        return List.copyOf(edge);
    }

    /**
     * Appends a leaf hash.
     *
     * @param leafHash the new leaf's hash; it gets index {@link #size()}
     * @return the nodes to store: the leaf itself (level 0) then each node it completes, lowest first
     */
    public List<TreeNode> append(Hash leafHash) {
        Objects.requireNonNull(leafHash, "leafHash");
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("tree is full");
        }
        List<TreeNode> created = new ArrayList<>(Long.numberOfTrailingZeros(size + 1) + 1);
        TreeNode node = new TreeNode(new NodeId(0, size), leafHash);
        created.add(node);
        size++;
        for (long merged = size; (merged & 1) == 0; merged >>>= 1) {
            TreeNode left = edge.remove(edge.size() - 1);
            NodeId parent = new NodeId(node.id().level() + 1, node.id().index() >>> 1);
            node = new TreeNode(parent, TreeHasher.nodeHash(left.hash(), node.hash()));
            created.add(node);
        }
        edge.add(node);
        return created;
    }

    /** The root of the leaves covered; {@code SHA-256("")} when empty. */
    public Hash root() {
        if (edge.isEmpty()) {
            return TreeHasher.emptyRoot();
        }
        return ProofGenerator.foldRight(edge.stream().map(TreeNode::hash).toList());
    }
}
