package io.cairn.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Read access to the hashes of the perfect subtrees of one append-only tree.
 *
 * <p>Proof generation ({@link ProofGenerator}) asks a store for O(log n) nodes per proof, all in one
 * {@link #nodes(List)} call, so a database-backed store can answer a proof with one query. A store
 * must answer for every node whose leaves are all below {@link #size()}.
 */
public interface TreeStore {
    /** Number of leaves in the tree. */
    long size();

    /**
     * The hash of one perfect subtree.
     *
     * @param id a node with {@code id.endLeaf() <= size()}
     * @return its hash
     * @throws IllegalArgumentException when the node is not (yet) complete in this tree
     */
    Hash node(NodeId id);

    /**
     * The hashes of several perfect subtrees, in the order asked.
     *
     * <p>The default asks {@link #node(NodeId)} once per node; stores that pay a round trip per
     * lookup answer all of them at once.
     *
     * @param ids nodes, each complete in this tree
     * @return their hashes, one per id, same order
     */
    default List<Hash> nodes(List<NodeId> ids) {
        List<Hash> hashes = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            hashes.add(node(id));
        }
        return hashes;
    }
}
