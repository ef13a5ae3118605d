package io.cairn.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the right-edge API over random tree sizes. */
class CompactRangePropertiesTest {
    private static Hash leaf(int i) {
        return TreeHasher.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8));
    }

    static Stream<RandomCases.Case> sizes() {
        return RandomCases.of(List.of(new int[] {0, 0}, new int[] {1, 1}, new int[] {0, 5}, new int[] {255, 1},
                        new int[] {256, 300}), 60,
                random -> new int[] {random.nextInt(600), random.nextInt(300)});
    }

    @ParameterizedTest(name = "size, more {0}")
    @MethodSource("sizes")
    void storingTheReturnedNodesGivesTheSameTreeAsTheInMemoryStore(RandomCases.Case c) {
        int size = c.get(0);
        CompactRange range = CompactRange.empty();
        InMemoryTreeStore store = new InMemoryTreeStore();
        Map<NodeId, Hash> persisted = new HashMap<>();
        for (int i = 0; i < size; i++) {
            for (TreeNode node : range.append(leaf(i))) {
                assertThat(persisted.put(node.id(), node.hash())).as("stored once: %s", node.id()).isNull();
            }
            store.appendLeafHash(leaf(i));
            assertThat(range.root()).isEqualTo(ProofGenerator.root(store, i + 1));
        }
        assertThat(range.size()).isEqualTo(size);
        assertThat(range.edge()).hasSize(Long.bitCount(size));
        persisted.forEach((id, hash) -> assertThat(store.node(id)).isEqualTo(hash));
        assertThat(persisted).hasSize((int) (2L * size - Long.bitCount(size)));
    }

    @ParameterizedTest(name = "size, more {0}")
    @MethodSource("sizes")
    void resumedRangeContinuesExactlyWhereTheOldOneStopped(RandomCases.Case c) {
        int size = c.get(0);
        int more = c.get(1);
        InMemoryTreeStore store = new InMemoryTreeStore();
        CompactRange original = CompactRange.empty();
        for (int i = 0; i < size; i++) {
            store.appendLeafHash(leaf(i));
            original.append(leaf(i));
        }
        CompactRange resumed = CompactRange.resume(store);
        assertThat(resumed.edge()).isEqualTo(original.edge());
        for (int i = size; i < size + more; i++) {
            assertThat(resumed.append(leaf(i))).isEqualTo(original.append(leaf(i)));
        }
        assertThat(resumed.root()).isEqualTo(original.root());
    }
}
