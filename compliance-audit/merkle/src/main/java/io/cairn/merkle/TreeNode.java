package io.cairn.merkle;

import java.util.Objects;

/**
 * A perfect subtree and its hash, as a persisted tree stores it.
 *
 * @param id   which subtree
 * @param hash its hash (the leaf hash at level 0)
 */
public record TreeNode(NodeId id, Hash hash) {
    /** Rejects missing parts. */
    public TreeNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
    }
}
