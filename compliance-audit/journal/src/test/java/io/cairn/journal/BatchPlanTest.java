package io.cairn.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.audit.spi.CanonicalEntry;
import io.cairn.audit.spi.JournalReceipt;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.CompactRange;
import io.cairn.merkle.InMemoryTreeStore;
import io.cairn.merkle.TreeHasher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BatchPlanTest {
    @Test
    void freshAppendsGetConsecutiveIndexesAndTheNodesTheyComplete() {
        CompactRange range = CompactRange.empty();
        List<PendingAppend> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batch.add(pending(Optional.empty(), i));
        }
        BatchPlan plan = BatchPlan.of(batch, Map.of(), range);
        assertThat(plan.freshIndexes).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(plan.endSize()).isEqualTo(6);
        // 6 leaves complete (1,0) (1,1) (2,0) (1,2); leaves themselves are not tree_nodes rows
        assertThat(plan.nodes).extracting(n -> n.id().level() + "/" + n.id().index())
                .containsExactly("1/0", "1/1", "2/0", "1/2");
        InMemoryTreeStore reference = new InMemoryTreeStore();
        batch.forEach(p -> reference.appendLeafHash(p.leafHash()));
        assertThat(range.root()).isEqualTo(io.cairn.merkle.ProofGenerator.root(reference, 6));
    }

    @Test
    void keysSeenBeforeOrEarlierInTheBatchAreRepliesOrConflicts() {
        CompactRange range = CompactRange.empty();
        PendingAppend stored = pending(Optional.of("old"), 1);
        StoredEntry existing = new StoredEntry(0, stored.entry(), stored.leafHash(), Instant.EPOCH);
        range.append(stored.leafHash());
        PendingAppend replay = pending(Optional.of("old"), 1);
        PendingAppend conflictOld = pending(Optional.of("old"), 2);
        PendingAppend first = pending(Optional.of("new"), 3);
        PendingAppend repeat = pending(Optional.of("new"), 3);
        PendingAppend conflictNew = pending(Optional.of("new"), 4);
        BatchPlan plan = BatchPlan.of(List.of(replay, conflictOld, first, repeat, conflictNew), Map.of("old", existing),
                range);
        assertThat(plan.fresh).containsExactly(first);
        assertThat(plan.freshIndexes).containsExactly(1L);
        assertThat(plan.replays).containsOnlyKeys(replay);
        assertThat(plan.sameAsFresh).containsEntry(repeat, 0);
        assertThat(plan.conflicts).containsOnlyKeys(conflictOld, conflictNew);
        assertThat(plan.conflicts.values()).allSatisfy(e -> assertThat(e.error())
                .isEqualTo(ErrorCode.JOURNAL_IDEMPOTENCY_CONFLICT));
        assertThat(plan.startSize).isEqualTo(1);
        assertThat(plan.endSize()).isEqualTo(2);
    }

    private static PendingAppend pending(Optional<String> key, int n) {
        var event = Events.event("plan", n);
        if (key.isPresent()) {
            event = event.withIdempotencyKey(key.get());
        }
        byte[] entry = CanonicalEntry.encode(event);
        return new PendingAppend(entry, TreeHasher.leafHash(entry), key, new CompletableFuture<JournalReceipt>());
    }
}
