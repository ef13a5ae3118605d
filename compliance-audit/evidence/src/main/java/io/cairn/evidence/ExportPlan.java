package io.cairn.evidence;

import io.cairn.journal.Checkpoint;
import java.util.List;
import java.util.Map;

/**
 * What one bundle holds, as selected by {@link EvidenceExporter#plan(EvidenceScope)}.
 *
 * @param scope         the scope
 * @param journal       where entries and tree nodes are read
 * @param blocks        where block digests and anchors are read
 * @param checkpoints   the exported checkpoints, oldest first; the last is the newest
 * @param blockRecords  the exported blocks, by seq
 * @param leafIndexes   the exported entries, ascending
 * @param sealedEntries the leaf index of each exported block's sealing entry, by block hash
 */
record ExportPlan(EvidenceScope scope, EvidenceJournal journal, BlockEvidenceSource blocks, List<Checkpoint> checkpoints,
                  List<BlockRecord> blockRecords, long[] leafIndexes, Map<String, Long> sealedEntries) {
    /** Copies the collections. */
    ExportPlan {
        checkpoints = List.copyOf(checkpoints);
        blockRecords = List.copyOf(blockRecords);
        leafIndexes = leafIndexes.clone();
        sealedEntries = Map.copyOf(sealedEntries);
    }

    /** The newest exported checkpoint: every inclusion proof leads to it. */
    Checkpoint newest() {
        return checkpoints.get(checkpoints.size() - 1);
    }
}
