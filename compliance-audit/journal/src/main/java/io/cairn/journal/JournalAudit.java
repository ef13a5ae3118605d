package io.cairn.journal;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.storage.StoreFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tamper audit: recomputes every leaf hash from the stored entry bytes, every tree node and every
 * checkpoint root from the recomputed leaves, checks every checkpoint signature, and reports each
 * edited, deleted, reordered or extra row. It reads one consistent snapshot and never changes a stored row.
 * A run that finds anything logs an error, counts its findings ({@link #findingsSinceStart()}, exported as
 * {@code cairn_journal_tamper_detected_total}) and appends one {@code journal.tamper-detected} alert entry.
 */
public final class JournalAudit {
    /** Most findings kept in a report (all are counted). */
    public static final int MAX_FINDINGS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(JournalAudit.class);
    private final PostgresJournal journal;
    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicReference<AuditReport> latest = new AtomicReference<>();
    private final LongAdder findings = new LongAdder();

    /**
     * Creates the audit.
     *
     * @param journal the journal to audit
     * @param clock   report timestamps
     */
    public JournalAudit(PostgresJournal journal, Clock clock) {
        this.journal = journal;
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
        if (!report.intact()) {
            raise(report);
        }
        return report;
    }

    /** Findings of every run since this audit was created (the tamper counter's value). */
    public long findingsSinceStart() {
        return findings.sum();
    }

    private void raise(AuditReport report) {
        findings.add(report.findingCount());
        Optional<AuditFinding> first = report.findings().stream().findFirst();
        LOG.error("journal audit found {} problems, first: {}", report.findingCount(), first.map(Object::toString).orElse("-"));
        SortedMap<String, String> attributes = new TreeMap<>();
        attributes.put("findings", Long.toString(report.findingCount()));
        attributes.put("tree-size", Long.toString(report.treeSize()));
        first.ifPresent(f -> {
            attributes.put("first.kind", f.kind().name());
            attributes.put("first.position", Long.toString(f.position()));
        });
        journal.appendAsync(new AuditEvent("journal.tamper-detected", "cairn", "journal", clock.instant(),
                Optional.empty(), Optional.empty(), attributes)).exceptionally(e -> {
                    LOG.error("the tamper alert could not be journaled: {}", e.toString());
                    return null;
                });
    }

    /** The report of the last run, if any ran. */
    public Optional<AuditReport> latest() {
        return Optional.ofNullable(latest.get());
    }
}
