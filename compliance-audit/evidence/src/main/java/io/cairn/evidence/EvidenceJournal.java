package io.cairn.evidence;

import io.cairn.journal.Checkpoint;
import io.cairn.journal.CheckpointLog;
import io.cairn.journal.JournalEntry;
import io.cairn.journal.PostgresJournal;
import io.cairn.merkle.TreeStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the exporter reads from the journal: committed entries, signed checkpoints and the stored tree. */
public interface EvidenceJournal {
    /** The number of committed entries. */
    long size();

    /** The newest signed checkpoint, when there is one. */
    Optional<Checkpoint> newestCheckpoint();

    /**
     * The oldest signed checkpoint whose tree holds an entry.
     *
     * @param leafIndex the entry
     * @return the first checkpoint with a tree size above {@code leafIndex}, when one was signed
     */
    Optional<Checkpoint> firstCheckpointCovering(long leafIndex);

    /**
     * The committed entries in a range of leaf indexes, in order.
     *
     * @param fromIndex first leaf index
     * @param toIndex   leaf index after the last one
     * @return the entries as stored
     */
    List<JournalEntry> entries(long fromIndex, long toIndex);

    /**
     * The stored tree at a committed size.
     *
     * @param treeSize the size
     * @return the tree, for proofs
     */
    TreeStore treeStore(long treeSize);

    /**
     * The first leaf index committed at or after an instant (commit times grow with the index).
     *
     * @param instant the instant
     * @return the index, or {@link #size()} when every entry is older
     */
    default long firstIndexCommittedAtOrAfter(Instant instant) {
        long low = 0;
        long high = size();
        while (low < high) {
            long middle = (low + high) >>> 1;
            List<JournalEntry> probe = entries(middle, middle + 1);
            if (!probe.isEmpty() && probe.get(0).createdAt().isBefore(instant)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The PostgreSQL journal as evidence source.
     *
     * @param journal     the journal
     * @param checkpoints its checkpoint log
     * @return the view
     */
    static EvidenceJournal of(PostgresJournal journal, CheckpointLog checkpoints) {
        return new EvidenceJournal() {
            @Override
            public long size() {
                return journal.size();
            }

            @Override
            public Optional<Checkpoint> newestCheckpoint() {
                return checkpoints.latest();
            }

            @Override
            public Optional<Checkpoint> firstCheckpointCovering(long leafIndex) {
                return checkpoints.firstCovering(leafIndex);
            }

            @Override
            public List<JournalEntry> entries(long fromIndex, long toIndex) {
                return journal.entries(fromIndex, toIndex);
            }

            @Override
            public TreeStore treeStore(long treeSize) {
                return journal.treeStore(treeSize);
            }
        };
    }
}
