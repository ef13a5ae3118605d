package io.cairn.journal;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.CompactRange;
import io.cairn.merkle.TreeNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one group-commit transaction does: which appends become new entries (with their leaf indexes
 * and the tree nodes they complete), which repeat an idempotency key already journaled, and which reuse a
 * key for a different event.
 */
final class BatchPlan {
    final List<PendingAppend> fresh = new ArrayList<>();
    final List<Long> freshIndexes = new ArrayList<>();
    final List<TreeNode> nodes = new ArrayList<>();
    final Map<PendingAppend, StoredEntry> replays = new HashMap<>();
    final Map<PendingAppend, Integer> sameAsFresh = new HashMap<>();
    final Map<PendingAppend, CairnException> conflicts = new HashMap<>();
    final long startSize;

    private BatchPlan(long startSize) {
        this.startSize = startSize;
    }

    /**
     * Plans a batch on top of {@code range}, which it extends with the new leaves.
     *
     * @param batch    appends in arrival order
     * @param existing entries already stored under the batch's idempotency keys
     * @param range    the tree's right edge, advanced for every new entry
     */
    static BatchPlan of(List<PendingAppend> batch, Map<String, StoredEntry> existing, CompactRange range) {
        BatchPlan plan = new BatchPlan(range.size());
        Map<String, Integer> keysInBatch = new HashMap<>();
        for (PendingAppend append : batch) {
            Optional<String> key = append.idempotencyKey();
            if (key.isPresent() && existing.containsKey(key.get())) {
                plan.replay(append, existing.get(key.get()));
            } else if (key.isPresent() && keysInBatch.containsKey(key.get())) {
                plan.repeat(append, keysInBatch.get(key.get()));
            } else {
                key.ifPresent(k -> keysInBatch.put(k, plan.fresh.size()));
                plan.freshIndexes.add(range.size());
                plan.fresh.add(append);
                range.append(append.leafHash()).stream().filter(n -> n.id().level() > 0).forEach(plan.nodes::add);
            }
        }
        return plan;
    }

    long endSize() {
        return startSize + fresh.size();
    }

    private void replay(PendingAppend append, StoredEntry stored) {
        if (stored.sameEntry(append.entry())) {
            replays.put(append, stored);
        } else {
            conflicts.put(append, conflict(append, stored.leafIndex()));
        }
    }

    private void repeat(PendingAppend append, int freshPosition) {
        if (java.util.Arrays.equals(fresh.get(freshPosition).entry(), append.entry())) {
            sameAsFresh.put(append, freshPosition);
        } else {
            conflicts.put(append, conflict(append, freshIndexes.get(freshPosition)));
        }
    }

    private static CairnException conflict(PendingAppend append, long leafIndex) {
        return CairnException.field(ErrorCode.JOURNAL_IDEMPOTENCY_CONFLICT, "idempotencyKey",
                "idempotency key '" + append.idempotencyKey().orElseThrow() + "' already recorded entry "
                        + leafIndex + " with a different event");
    }
}
