package io.cairn.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TreeStore} must meet, as a reusable test: a store module extends this
 * class (it ships in cairn-merkle's test jar) and says how to build a store holding given leaves.
 */
public abstract class TreeStoreContract {
    private static final int SIZE = 77;

    /**
     * A store of the implementation under test holding exactly these leaf hashes, in order.
     *
     * @param leafHashes the leaves
     * @return the store
     */
    protected abstract TreeStore storeWith(List<Hash> leafHashes);

    private static List<Hash> leaves(int count) {
        List<Hash> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leaves.add(TreeHasher.leafHash(("contract leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** Root of leaves [start, end) when that range is a perfect subtree, by the RFC's recursion. */
    private static Hash subtree(List<Hash> leaves, int start, int end) {
        if (end - start == 1) {
            return leaves.get(start);
        }
        int middle = start + (end - start) / 2;
        return TreeHasher.nodeHash(subtree(leaves, start, middle), subtree(leaves, middle, end));
    }

    @Test
    void emptyStoreHasSizeZeroAndTheEmptyRoot() {
        TreeStore store = storeWith(List.of());
        assertThat(store.size()).isZero();
        assertThat(ProofGenerator.root(store, 0)).isEqualTo(TreeHasher.emptyRoot());
    }

    @Test
    void everyCompleteNodeHasTheHashOfItsLeaves() {
        List<Hash> leaves = leaves(SIZE);
        TreeStore store = storeWith(leaves);
        assertThat(store.size()).isEqualTo(SIZE);
        List<NodeId> ids = new ArrayList<>();
        for (int level = 0; (1 << level) <= SIZE; level++) {
            for (long index = 0; (index + 1) << level <= SIZE; index++) {
                NodeId id = new NodeId(level, index);
                ids.add(id);
                assertThat(store.node(id)).as("%s", id)
                        .isEqualTo(subtree(leaves, (int) id.firstLeaf(), (int) id.endLeaf()));
            }
        }
        List<Hash> batch = store.nodes(ids);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(batch.get(i)).as("batch %s", ids.get(i)).isEqualTo(store.node(ids.get(i)));
        }
    }

    @Test
    void incompleteNodesAreRefused() {
        TreeStore store = storeWith(leaves(SIZE));
        assertThatThrownBy(() -> store.node(new NodeId(0, SIZE))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.node(new NodeId(7, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.node(new NodeId(2, 19))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proofsFromTheStoreVerify() {
        List<Hash> leaves = leaves(SIZE);
        TreeStore store = storeWith(leaves);
        for (int size = 1; size <= SIZE; size += 7) {
            Hash root = ProofGenerator.root(store, size);
            for (int index = 0; index < size; index += 5) {
                assertThat(ProofGenerator.inclusion(store, index, size).verify(leaves.get(index), root).isValid())
                        .as("leaf %d of %d", index, size).isTrue();
            }
            ConsistencyProof consistency = ProofGenerator.consistency(store, size, SIZE);
            assertThat(consistency.verify(root, ProofGenerator.root(store, SIZE)).isValid()).isTrue();
        }
    }
}
