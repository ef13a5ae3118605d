package io.cairn.anchoring;

import io.cairn.connector.spi.AnchorReceipt;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records anchored and final jobs and tells {@link AnchorOutcomes}. The job row is written first with
 * {@code reported = false}; once the outcome call returns it is marked reported, and a call that throws is
 * repeated at the next run.
 */
final class OutcomeReporter {
    private static final Logger LOG = Logger.getLogger(OutcomeReporter.class.getName());
    private final AnchorJobs jobs;
    private final AnchorOutcomes outcomes;
    private final Clock clock;

    OutcomeReporter(AnchorJobs jobs, AnchorOutcomes outcomes, Clock clock) {
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** Records where the anchor is and reports it. */
    void anchored(AnchorJob job, AnchorReceipt receipt) {
        jobs.markAnchored(job, receipt, clock.instant());
        report(job.now(JobState.ANCHORED, receipt), true);
    }

    /** Records finality and reports it. */
    void finalised(AnchorJob job) {
        jobs.markFinal(job, clock.instant());
        report(job.now(JobState.FINAL, job.receipt().orElseThrow()), !job.reported());
    }

    /** Reports a job's current state (anchored, or anchored and final); returns whether the outcome took it. */
    boolean report(AnchorJob job) {
        return report(job, true);
    }

    private boolean report(AnchorJob job, boolean includeAnchored) {
        AnchorReceipt receipt = job.receipt().orElseThrow();
        PendingBlock b = job.block();
        try {
            if (includeAnchored || job.state() == JobState.ANCHORED) {
                outcomes.anchored(b.app(), b.seq(), job.ledger(), receipt, clock.instant());
            }
            if (job.state() == JobState.FINAL) {
                outcomes.finalised(b.app(), b.seq(), job.ledger(), receipt, clock.instant());
            }
            jobs.markReported(job, clock.instant());
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not report " + job.state().label() + " anchor of " + job.label()
                    + "; retrying at the next run: " + e.getMessage());
            return false;
        }
    }
}
