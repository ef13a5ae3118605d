package io.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.merkle.Hash;
import io.cairn.merkle.InMemoryTreeStore;
import io.cairn.merkle.NodeId;
import io.cairn.merkle.ProofGenerator;
import io.cairn.merkle.TreeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class InclusionProofBatchTest {
    private static final long SEED = Long.getLong("cairn.test.seed", System.nanoTime());

    @Test
    void batchedProofsEqualSingleProofsAndReadTheStoreOnce() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int round = 0; round < 30; round++) {
            InMemoryTreeStore tree = new InMemoryTreeStore();
            int size = 1 + random.nextInt(3000);
            for (int i = 0; i < size; i++) {
                tree.appendEntry(new byte[] {(byte) i, (byte) (i >> 8), (byte) round});
            }
            long treeSize = 1 + random.nextInt(size);
            long[] leaves = LongStream.range(0, treeSize).filter(i -> random.nextInt(4) == 0).toArray();
            CountingStore counting = new CountingStore(tree);

            var proofs = InclusionProofBatch.generate(counting, treeSize, leaves);

            assertThat(counting.calls).as("seed " + SEED).isLessThanOrEqualTo(1);
            for (int i = 0; i < leaves.length; i++) {
                assertThat(proofs.get(i)).as("seed " + SEED).isEqualTo(ProofGenerator.inclusion(tree, leaves[i], treeSize));
            }
        }
    }

    /** Counts the reads of a store. */
    private static final class CountingStore implements TreeStore {
        private final TreeStore store;
        private int calls;

        CountingStore(TreeStore store) {
            this.store = store;
        }

        @Override
        public long size() {
            return store.size();
        }

        @Override
        public Hash node(NodeId id) {
            return nodes(List.of(id)).get(0);
        }

        @Override
        public List<Hash> nodes(List<NodeId> ids) {
            calls++;
            return new ArrayList<>(store.nodes(ids));
        }
    }
}
