package io.cairn.journal;

import io.cairn.storage.StoreFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The tamper audit: recomputes every leaf hash from the stored entry bytes, every tree node and every
 * checkpoint root from the recomputed leaves, checks every checkpoint signature, and reports each
 * edited, deleted, reordered or extra row. It reads one consistent snapshot and never writes.
 */
public final class JournalAudit {
    /** Most findings kept in a report (all are counted). */
    public static final int MAX_FINDINGS = 1000;

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicReference<AuditReport> latest = new AtomicReference<>();

    /**
     * Creates the audit.
     *
     * @param journal the journal to audit
     * @param clock   report timestamps
     */
    public JournalAudit(PostgresJournal journal, Clock clock) {
        this.dataSource = journal.dataSource();
        this.clock = clock;
    }

    /** Runs the audit now and keeps its report as the latest. */
    public synchronized AuditReport run() {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        AuditRun run = new AuditRun();
        long headSize;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                headSize = EntryRows.headSize(c);
                run.run(c, headSize);
            } finally {
                c.rollback();
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw StoreFailures.translate(new IllegalStateException("the journal audit could not read the database", e));
        }
        AuditReport report = new AuditReport(started, (System.nanoTime() - t0) / 1_000_000, headSize, run.entries,
                run.nodes, run.checkpointsChecked, run.findingCount == 0, run.findingCount, run.findings);
        latest.set(report);
        return report;
    }

    /** The report of the last run, if any ran. */
    public Optional<AuditReport> latest() {
        return Optional.ofNullable(latest.get());
    }
}
