package io.cairn.merkle;

/**
 * Names one perfect subtree of a tree: the node at {@code level} (0 for leaves) and {@code index}
 * (counted from 0, left to right, within its level). It covers leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}.
 *
 * @param level height of the node above the leaves, 0 to 62
 * @param index position of the node within its level, at least 0
 */
public record NodeId(int level, long index) {
    /** Highest level a node of a tree with at most {@code Long.MAX_VALUE} leaves can have. */
    public static final int MAX_LEVEL = 62;

    /** Validates the coordinates. */
    public NodeId {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("level must be between 0 and " + MAX_LEVEL + ": " + level);
        }
        if (index < 0 || index >= (Long.MAX_VALUE >>> level)) {
            throw new IllegalArgumentException("index out of range at level " + level + ": " + index);
        }
    }

    /** Number of leaves below this node, {@code 2^level}. */
    public long leafCount() {
        return 1L << level;
    }

    /** Index of the first leaf below this node. */
    public long firstLeaf() {
        return index << level;
    }

    /** Index one past the last leaf below this node; the node exists in trees at least this large. */
    public long endLeaf() {
        return firstLeaf() + leafCount();
    }
}
