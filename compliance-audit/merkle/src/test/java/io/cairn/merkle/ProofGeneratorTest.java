package io.cairn.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proof generation reads O(log n) nodes, in one batch, from any store. */
class ProofGeneratorTest {

    /** A store that computes nodes on the fly and records every lookup, like a remote store would. */
    private static final class CountingStore implements TreeStore {
        private final long size;
        private final List<List<NodeId>> batches = new ArrayList<>();

        CountingStore(long size) {
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public Hash node(NodeId id) {
            if (id.endLeaf() > size) {
                throw new IllegalArgumentException("incomplete node " + id);
            }
            return TreeHasher.leafHash(Long.toString(id.level() * 31L + id.index()).getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
        }

        @Override
        public List<Hash> nodes(List<NodeId> ids) {
            batches.add(List.copyOf(ids));
            return TreeStore.super.nodes(ids);
        }
    }

    @Test
    void inclusionProofInATenMillionLeafTreeReadsOneBatchOfLogarithmicSize() {
        CountingStore store = new CountingStore(10_000_000L);
        for (long index : new long[] {0, 1, 4_999_999, 8_388_607, 8_388_608, 9_999_998, 9_999_999}) {
            store.batches.clear();
            InclusionProof proof = ProofGenerator.inclusion(store, index, store.size());
            assertThat(store.batches).hasSize(1);
            assertThat(store.batches.get(0).size()).isLessThanOrEqualTo(2 * 64);
            assertThat(proof.path()).hasSize(ProofShape.inclusionLength(index, store.size()));
        }
    }

    @Test
    void consistencyProofReadsOneBatchOfLogarithmicSize() {
        CountingStore store = new CountingStore(10_000_000L);
        ConsistencyProof proof = ProofGenerator.consistency(store, 6_543_210, 10_000_000);
        assertThat(store.batches).hasSize(1);
        assertThat(store.batches.get(0).size()).isLessThanOrEqualTo(2 * 64);
        assertThat(proof.path()).hasSize(ProofShape.consistencyLength(6_543_210, 10_000_000));
    }

    @Test
    void decompositionCoversTheRangeWithAlignedPerfectSubtrees() {
        assertThat(ProofGenerator.decompose(0, 13))
                .containsExactly(new NodeId(3, 0), new NodeId(2, 2), new NodeId(0, 12));
        assertThat(ProofGenerator.decompose(8, 13)).containsExactly(new NodeId(2, 2), new NodeId(0, 12));
        assertThat(ProofGenerator.decompose(5, 5)).isEmpty();
    }

    @Test
    void proofsOfTheEmptyAndEqualSizesAreEmpty() {
        InMemoryTreeStore store = new InMemoryTreeStore();
        store.appendEntry(new byte[0]);
        assertThat(ProofGenerator.consistency(store, 0, 1).path()).isEmpty();
        assertThat(ProofGenerator.consistency(store, 1, 1).path()).isEmpty();
        assertThat(ProofGenerator.consistency(store, 0, 0).path()).isEmpty();
        assertThat(ProofGenerator.inclusion(store, 0, 1).path()).isEmpty();
        assertThat(ProofGenerator.root(store, 0)).isEqualTo(TreeHasher.emptyRoot());
    }

    @Test
    void requestsOutsideTheStoredTreeAreRefused() {
        InMemoryTreeStore store = new InMemoryTreeStore();
        store.appendEntry(new byte[0]);
        assertThatThrownBy(() -> ProofGenerator.inclusion(store, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofGenerator.inclusion(store, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofGenerator.consistency(store, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofGenerator.root(store, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.node(new NodeId(1, 0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proofsInATreeOfMoreThanAMillionLeavesVerify() {
        int size = 1_234_567;
        InMemoryTreeStore store = new InMemoryTreeStore();
        byte[] leaf = new byte[Hash.LENGTH];
        java.util.SplittableRandom random = new java.util.SplittableRandom(size);
        for (int i = 0; i < size; i++) {
            random.nextBytes(leaf);
            store.appendLeafHash(leaf, 0);
        }
        RootBuilder builder = new RootBuilder();
        for (int i = 0; i < size; i++) {
            builder.appendLeafHash(store.node(new NodeId(0, i)));
        }
        Hash root = ProofGenerator.root(store, size);
        assertThat(builder.root()).isEqualTo(root);
        assertThat(CompactRange.resume(store).root()).isEqualTo(root);
        for (long index : new long[] {0, 1, 1_048_575, 1_048_576, size - 2L, size - 1L}) {
            InclusionProof proof = ProofGenerator.inclusion(store, index, size);
            assertThat(proof.verify(store.node(new NodeId(0, index)), root).isValid()).as("leaf %d", index).isTrue();
        }
        for (long size1 : new long[] {1, 1_048_576, 1_048_577, 999_999, size - 1L}) {
            ConsistencyProof proof = ProofGenerator.consistency(store, size1, size);
            assertThat(proof.verify(ProofGenerator.root(store, size1), root).isValid()).as("from %d", size1).isTrue();
        }
    }
}
