package io.cairn.evidence;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.CanonicalEntry;
import io.cairn.journal.JournalEntry;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which journal entries a bundle holds: those committed in the scope's window that concern the application,
 * plus the {@code application.block-sealed} entry of every exported block wherever it lies, all within the
 * newest signed checkpoint.
 *
 * <p>An entry concerns application {@code app} when its subject is {@code application:app} or starts with
 * {@code application:app/}, or when its attribute {@code app} is {@code app}. An entry in the window that
 * cannot be decoded is selected too, so that the verifier reports it instead of the export hiding it.
 */
final class EntrySelection {
    /** Page size of journal reads. */
    static final int PAGE = 2000;
    /** How long before a block's time its sealing entry is looked for (clocks of two writers may differ). */
    private static final Duration SEAL_MARGIN = Duration.ofMinutes(5);

    private long[] indexes = new long[1024];
    private int count;
    private final Map<String, Long> sealedEntries = new HashMap<>();

    private EntrySelection() {
    }

    /**
     * Scans the journal for the scope.
     *
     * @param journal    the journal
     * @param scope      the scope
     * @param blocks     the exported blocks
     * @param treeSize   the newest checkpoint's size: nothing beyond it is exported
     * @param maxEntries the entry limit
     * @return the selection
     * @throws CairnException {@code CAIRN-EVIDENCE-0001} over the limit, {@code CAIRN-EVIDENCE-0002} when part
     *                        of the scope lies beyond the newest checkpoint
     */
    static EntrySelection scan(EvidenceJournal journal, EvidenceScope scope, List<BlockRecord> blocks, long treeSize,
                               long maxEntries) {
        EntrySelection selection = new EntrySelection();
        Map<String, BlockRecord> unsealed = new HashMap<>();
        blocks.forEach(b -> unsealed.put(b.blockHash(), b));
        boolean pastWindow = false;
        long first = journal.firstIndexCommittedAtOrAfter(scope.from().minus(SEAL_MARGIN));
        for (long page = first; page < treeSize && !(pastWindow && unsealed.isEmpty()); page += PAGE) {
            for (JournalEntry entry : journal.entries(page, Math.min(page + PAGE, treeSize))) {
                selection.consider(entry, scope, unsealed);
                pastWindow |= !entry.createdAt().isBefore(scope.to());
                if (selection.count > maxEntries) {
                    throw new CairnException(ErrorCode.EVIDENCE_SCOPE_TOO_LARGE, "the scope holds more than "
                            + maxEntries + " journal entries (evidence.max-entries); export a shorter time window");
                }
            }
        }
        requireCheckpointed(journal, scope, unsealed, pastWindow, treeSize);
        return selection;
    }

    private void consider(JournalEntry entry, EvidenceScope scope, Map<String, BlockRecord> unsealed) {
        Optional<AuditEvent> event = decode(entry);
        Optional<String> sealedBlock = event.filter(e -> e.type().equals(BundleLayout.BLOCK_SEALED))
                .flatMap(AuditEvent::payloadSha256).filter(unsealed::containsKey);
        boolean inWindow = scope.covers(entry.createdAt());
        if (sealedBlock.isPresent()) {
            unsealed.remove(sealedBlock.get());
            sealedEntries.put(sealedBlock.get(), entry.leafIndex());
            add(entry.leafIndex());
        } else if (inWindow && event.map(e -> concerns(e, scope.app())).orElse(true)) {
            add(entry.leafIndex());
        }
    }

    private static void requireCheckpointed(EvidenceJournal journal, EvidenceScope scope,
                                            Map<String, BlockRecord> unsealed, boolean pastWindow, long treeSize) {
        if (!unsealed.isEmpty()) {
            long seq = unsealed.values().stream().mapToLong(BlockRecord::seq).min().orElseThrow();
            throw new CairnException(ErrorCode.EVIDENCE_NOT_CHECKPOINTED, "the journal entry sealing block " + seq
                    + " of " + scope.app() + " is not covered by a signed checkpoint yet; retry after the next"
                    + " checkpoint");
        }
        if (!pastWindow && journal.size() > treeSize) {
            List<JournalEntry> next = journal.entries(treeSize, treeSize + 1);
            if (!next.isEmpty() && next.get(0).createdAt().isBefore(scope.to())) {
                throw new CairnException(ErrorCode.EVIDENCE_NOT_CHECKPOINTED, "journal entries committed before "
                        + scope.to() + " are not covered by a signed checkpoint yet; retry after the next checkpoint"
                        + " or end the scope earlier");
            }
        }
    }

    private static Optional<AuditEvent> decode(JournalEntry entry) {
        try {
            return Optional.of(CanonicalEntry.decode(entry.entry()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether an event concerns an application (see the class comment). */
    static boolean concerns(AuditEvent event, String app) {
        String subject = "application:" + app;
        return event.subject().equals(subject) || event.subject().startsWith(subject + "/")
                || app.equals(event.attributes().get("app"));
    }

    private void add(long leafIndex) {
        if (count == indexes.length) {
            indexes = Arrays.copyOf(indexes, count * 2);
        }
        indexes[count++] = leafIndex;
    }

    /** The selected leaf indexes, ascending. */
    long[] indexes() {
        return Arrays.copyOf(indexes, count);
    }

    /** The leaf index of the sealing entry of each exported block, by block hash. */
    Map<String, Long> sealedEntries() {
        return Map.copyOf(sealedEntries);
    }
}
