package io.cairn.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The right-edge API for appending to a persisted tree. */
class CompactRangeTest {
    private static Hash leaf(int i) {
        return TreeHasher.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void appendReturnsTheLeafAndEveryNodeItCompletes() {
        CompactRange range = CompactRange.empty();
        for (int i = 0; i < 7; i++) {
            range.append(leaf(i));
        }
        List<TreeNode> created = range.append(leaf(7));
        assertThat(created).extracting(TreeNode::id)
                .containsExactly(new NodeId(0, 7), new NodeId(1, 3), new NodeId(2, 1), new NodeId(3, 0));
        assertThat(range.edge()).extracting(TreeNode::id).containsExactly(new NodeId(3, 0));
        assertThat(range.append(leaf(8))).extracting(TreeNode::id).containsExactly(new NodeId(0, 8));
        assertThat(range.edge()).extracting(TreeNode::id).containsExactly(new NodeId(3, 0), new NodeId(0, 8));
    }

    @Test
    void edgeHashCountMustMatchTheSize() {
        assertThatThrownBy(() -> CompactRange.of(5, List.of(leaf(0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 right-edge nodes");
        assertThat(CompactRange.of(0, List.of()).root()).isEqualTo(TreeHasher.emptyRoot());
    }
}
