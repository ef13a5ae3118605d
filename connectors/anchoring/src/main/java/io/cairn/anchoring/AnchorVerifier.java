package io.cairn.anchoring;

import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.AnchorStatus;
import io.cairn.connector.spi.LedgerConnector;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Follows anchored jobs to finality and re-scans final ones. An anchor found {@code Missing} or
 * {@code Forked} is reported broken and queued again, or, when the ledger re-included the same transaction
 * elsewhere, moved to the new receipt; a final anchor found so also raises the {@link BrokenAnchorAlert}.
 */
final class AnchorVerifier {
    private static final Logger LOG = Logger.getLogger(AnchorVerifier.class.getName());
    private final AnchorJobs jobs;
    private final AnchorOutcomes outcomes;
    private final OutcomeReporter reporter;
    private final BrokenAnchorAlert alert;
    private final AnchoringSettings settings;
    private final Clock clock;

    AnchorVerifier(AnchorJobs jobs, AnchorOutcomes outcomes, OutcomeReporter reporter, BrokenAnchorAlert alert,
                   AnchoringSettings settings, Clock clock) {
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.reporter = reporter;
        this.alert = alert;
        this.settings = settings;
        this.clock = clock;
    }

    /** What verification did in one run. */
    record Counts(int finalised, int broken) {
    }

    /** Verifies anchored jobs until final; connector failures propagate (the ledger is retried next run). */
    Counts confirm(String ledger, LedgerConnector connector) {
        int finalised = 0;
        int broken = 0;
        for (AnchorJob job : jobs.awaitingFinality(ledger, settings.batchSize())) {
            AnchorStatus status = connector.verifyAnchor(job.receipt().orElseThrow());
            if (status instanceof AnchorStatus.Final) {
                reporter.finalised(job);
                finalised++;
            } else if (lost(status)) {
                repair(job, status, false);
                broken++;
            }
        }
        return new Counts(finalised, broken);
    }

    /** Re-verifies final anchors not verified for a re-scan interval. */
    Counts rescan(String ledger, LedgerConnector connector) {
        Instant before = clock.instant().minus(settings.rescanInterval());
        int broken = 0;
        for (AnchorJob job : jobs.dueForRescan(ledger, before, settings.batchSize())) {
            AnchorStatus status = connector.verifyAnchor(job.receipt().orElseThrow());
            if (lost(status)) {
                repair(job, status, true);
                broken++;
            } else {
                jobs.markVerified(job, clock.instant());
            }
        }
        return new Counts(0, broken);
    }

    private static boolean lost(AnchorStatus status) {
        return status instanceof AnchorStatus.Missing || status instanceof AnchorStatus.Forked;
    }

    /**
     * Records a lost anchor: alert (final anchors only), broken outcome, broken row, then re-queue or adopt the
     * re-included transaction. Each step is idempotent, so a failure part-way is completed at a later run.
     */
    private void repair(AnchorJob job, AnchorStatus status, boolean alerting) {
        String reason = reason(status);
        Instant now = clock.instant();
        if (alerting) {
            alert.journal(job, reason, now);
        }
        outcomes.broken(job.block().app(), job.block().seq(), job.ledger(), reason, now);
        jobs.markBroken(job, reason, now);
        if (alerting) {
            alert.announce(job, reason);
        } else {
            LOG.info("anchor of " + job.label() + " left the chain before finality (" + reason + ")");
        }
        Optional<AnchorReceipt> reincluded = status instanceof AnchorStatus.Forked forked ? forked.reincluded()
                : Optional.empty();
        if (reincluded.isPresent()) {
            reporter.anchored(job, reincluded.get());
        } else {
            jobs.requeue(job, now);
        }
    }

    private static String reason(AnchorStatus status) {
        return switch (status) {
            case AnchorStatus.Missing missing -> "missing: " + missing.reason();
            case AnchorStatus.Forked forked -> "forked: block now " + forked.canonicalBlockHash()
                    + forked.reincluded().map(r -> ", transaction re-included in block " + r.blockNumber())
                    .orElse("");
            default -> status.toString();
        };
    }
}
