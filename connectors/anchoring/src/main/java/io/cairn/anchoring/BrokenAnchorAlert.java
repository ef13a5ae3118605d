package io.cairn.anchoring;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The alert raised when a final anchor vanished or landed on a losing fork: an {@code anchoring.anchor-broken}
 * event in the audit journal (idempotent per breakage, so a retried run records it once), a WARNING log line
 * and the {@code cairn.anchor.verification.failures} counter.
 */
final class BrokenAnchorAlert {
    /** The journaled event type. */
    static final String EVENT = "anchoring.anchor-broken";
    private static final Logger LOG = Logger.getLogger(BrokenAnchorAlert.class.getName());
    private final AuditJournal journal;
    private final AnchoringMetrics metrics;

    BrokenAnchorAlert(AuditJournal journal, AnchoringMetrics metrics) {
        this.journal = journal;
        this.metrics = metrics;
    }

    /**
     * Journals the event; throws (and the caller retries later) when the journal cannot record it. A retry of
     * the same breakage finds its key already used (with the earlier time and reason) and stops there.
     */
    void journal(AnchorJob job, String reason, Instant at) {
        PendingBlock block = job.block();
        AuditEvent event = AuditEvent.of(EVENT, "system:anchoring", "ledgers/" + job.ledger() + "/blocks/"
                        + block.app() + "/" + block.seq(), at)
                .withIdempotencyKey("anchor-broken:" + job.ledger() + ":" + block.app() + ":" + block.seq() + ":"
                        + (job.brokenCount() + 1))
                .withAttribute("ledger", job.ledger()).withAttribute("application", block.app())
                .withAttribute("block-seq", Long.toString(block.seq())).withAttribute("reason", reason);
        if (job.receipt().isPresent()) {
            event = event.withAttribute("transaction-id", job.receipt().get().transactionId())
                    .withAttribute("ledger-block", Long.toString(job.receipt().get().blockNumber()));
        }
        try {
            journal.append(event);
        } catch (CairnException e) {
            if (e.error() != ErrorCode.JOURNAL_IDEMPOTENCY_CONFLICT) {
                throw e;
            }
        }
    }

    /** Logs and counts, once the breakage is recorded. */
    void announce(AnchorJob job, String reason) {
        metrics.verificationFailed(job.ledger());
        LOG.warning("anchor of block " + job.label() + " is broken (" + reason + "); it is anchored again");
    }
}
