package io.cairn.evidence;

import io.cairn.journal.Checkpoint;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Exports evidence bundles ({@code cairn-evidence/v1}) from the journal and the verification blocks.
 *
 * <p>{@link #plan(EvidenceScope)} does everything that can be refused (scope size, checkpoint coverage)
 * before any byte is written; {@link EvidenceExport#writeTo(java.io.OutputStream)} then streams the zip,
 * reading the journal in pages, so a large bundle is never held in memory. The same scope of the same
 * journal state gives byte-identical bundles.
 */
public final class EvidenceExporter {
    private final EvidenceJournal journal;
    private final BlockEvidenceSource blocks;
    private final EvidenceSettings settings;

    /**
     * Creates the exporter.
     *
     * @param journal  the journal
     * @param blocks   the verification blocks
     * @param settings the limits
     */
    public EvidenceExporter(EvidenceJournal journal, BlockEvidenceSource blocks, EvidenceSettings settings) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Selects what a bundle of the scope holds.
     *
     * @param scope the scope
     * @return the export, ready to be written
     * @throws CairnException {@code CAIRN-EVIDENCE-0001} when the scope holds more than
     *                        {@code evidence.max-entries} entries, {@code CAIRN-EVIDENCE-0002} when no checkpoint
     *                        covers the scope yet
     */
    public EvidenceExport plan(EvidenceScope scope) {
        Checkpoint newest = journal.newestCheckpoint().orElseThrow(() -> new CairnException(
                ErrorCode.EVIDENCE_NOT_CHECKPOINTED, "the journal has no signed checkpoint yet; retry after the first"
                        + " checkpoint"));
        List<BlockRecord> exported = blocks.blocks(scope.app(), scope.from(), scope.to());
        EntrySelection selection = EntrySelection.scan(journal, scope, exported, newest.treeSize(),
                settings.maxEntries());
        long[] indexes = selection.indexes();
        return new EvidenceExport(new ExportPlan(scope, journal, blocks, checkpoints(indexes, newest), exported,
                indexes, selection.sealedEntries()));
    }

    /**
     * The checkpoints a bundle holds: the oldest that holds the first exported entry, the oldest that holds the
     * last one (the earliest signed statements that those entries existed), and the newest, which every
     * inclusion proof leads to; consecutive ones are linked by consistency proofs.
     */
    private List<Checkpoint> checkpoints(long[] indexes, Checkpoint newest) {
        Map<Long, Checkpoint> bySize = new TreeMap<>();
        if (indexes.length > 0) {
            journal.firstCheckpointCovering(indexes[0]).ifPresent(c -> bySize.put(c.treeSize(), c));
            journal.firstCheckpointCovering(indexes[indexes.length - 1]).ifPresent(c -> bySize.put(c.treeSize(), c));
        }
        bySize.put(newest.treeSize(), newest);
        return List.copyOf(bySize.values());
    }
}
