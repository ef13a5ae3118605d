package io.cairn.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of one tamper audit.
 *
 * @param checkedAt          when the audit started
 * @param tookMillis         how long it ran, in milliseconds
 * @param treeSize           committed size recorded in the database head
 * @param entriesChecked     entry rows read and re-hashed
 * @param nodesChecked       tree node rows compared
 * @param checkpointsChecked checkpoints whose signature and root were checked
 * @param intact             whether nothing was found
 * @param findingCount       number of problems found
 * @param findings           the first problems found (at most {@link JournalAudit#MAX_FINDINGS})
 */
public record AuditReport(Instant checkedAt, long tookMillis, long treeSize, long entriesChecked, long nodesChecked,
                          int checkpointsChecked, boolean intact, long findingCount, List<AuditFinding> findings) {
    /** Copies the findings. */
    public AuditReport {
        Objects.requireNonNull(checkedAt, "checkedAt");
        findings = List.copyOf(findings);
    }
}
