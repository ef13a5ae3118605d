package io.cairn.anchoring;

import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.LedgerConnector;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Submits due jobs of one ledger, never anchoring a block twice: a job that may already have landed (any retry,
 * any job found {@code submitting}) first asks the ledger for existing anchors of its hash pointer and adopts
 * one; {@code submitting} is committed before the connector is called; a job whose submission outcome is
 * unknown waits {@code anchoring.submit-timeout} after its start before it is looked up and sent again.
 */
final class AnchorSubmission {
    private static final Logger LOG = Logger.getLogger(AnchorSubmission.class.getName());
    private final AnchorJobs jobs;
    private final OutcomeReporter reporter;
    private final AnchoringSettings settings;
    private final Clock clock;
    private final Executor threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, CompletableFuture<AnchorReceipt>> inFlight = new ConcurrentHashMap<>();

    AnchorSubmission(AnchorJobs jobs, OutcomeReporter reporter, AnchoringSettings settings, Clock clock) {
        this.jobs = jobs;
        this.reporter = reporter;
        this.settings = settings;
        this.clock = clock;
    }

    /** What submission did in one run. */
    record Counts(int anchored, int failures) {
    }

    /**
     * Submits the ledger's due jobs one after another. After a failure that says the ledger itself is unwell
     * (unreachable, or an outcome that stayed unknown) the remaining jobs wait for the next run uncharged, so
     * one sick node costs a run at most one timeout.
     */
    Counts submitDue(String ledger, LedgerConnector connector) {
        int anchored = 0;
        int failures = 0;
        for (AnchorJob job : jobs.due(ledger, clock.instant(), settings.batchSize())) {
            if (inFlight.containsKey(job.label()) || waitingForUnknownOutcome(job)) {
                continue;
            }
            Attempt attempt = submit(job, connector);
            if (attempt == Attempt.ANCHORED) {
                anchored++;
                continue;
            }
            failures++;
            if (attempt == Attempt.LEDGER_UNWELL) {
                break;
            }
        }
        return new Counts(anchored, failures);
    }

    /** How one attempt ended. */
    private enum Attempt { ANCHORED, FAILED, LEDGER_UNWELL }

    private boolean waitingForUnknownOutcome(AnchorJob job) {
        return job.state() == JobState.SUBMITTING && job.submittingAt()
                .map(t -> t.plus(settings.submitTimeout()).isAfter(clock.instant())).orElse(false);
    }

    private Attempt submit(AnchorJob job, LedgerConnector connector) {
        try {
            if (job.mayHaveLanded() && adoptExisting(job, connector)) {
                return Attempt.ANCHORED;
            }
        } catch (RuntimeException e) {
            retryLater(job, JobState.QUEUED, "looking for an existing anchor failed: " + describe(e), true);
            return unwell(e) ? Attempt.LEDGER_UNWELL : Attempt.FAILED;
        }
        jobs.markSubmitting(job, clock.instant());
        try {
            reporter.anchored(job, send(job, connector));
            return Attempt.ANCHORED;
        } catch (TimeoutException e) {
            retryLater(job, JobState.SUBMITTING, "no outcome within anchoring.submit-timeout", false);
            return Attempt.LEDGER_UNWELL;
        } catch (RuntimeException e) {
            boolean unknown = e instanceof CairnException ce && ce.error() == ErrorCode.LEDGER_CONFIRMATION_TIMEOUT;
            retryLater(job, unknown ? JobState.SUBMITTING : JobState.QUEUED, describe(e), false);
            return unknown || unwell(e) ? Attempt.LEDGER_UNWELL : Attempt.FAILED;
        }
    }

    private static boolean unwell(RuntimeException e) {
        return e instanceof CairnException ce && ce.error() == ErrorCode.LEDGER_UNREACHABLE;
    }

    private boolean adoptExisting(AnchorJob job, LedgerConnector connector) {
        List<AnchorReceipt> existing = connector.findAnchors(job.pointer());
        if (existing.isEmpty()) {
            return false;
        }
        if (existing.size() > 1) {
            LOG.warning("block " + job.label() + " is anchored " + existing.size() + " times; keeping the first");
        }
        LOG.info("adopting the existing anchor of " + job.label() + " in transaction "
                + existing.getFirst().transactionId());
        reporter.anchored(job, existing.getFirst());
        return true;
    }

    private AnchorReceipt send(AnchorJob job, LedgerConnector connector) throws TimeoutException {
        CompletableFuture<AnchorReceipt> call = CompletableFuture.supplyAsync(() -> connector.anchor(job.pointer()),
                threads);
        inFlight.put(job.label(), call);
        call.whenComplete((r, e) -> inFlight.remove(job.label(), call));
        try {
            return call.get(settings.submitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
    }

    private void retryLater(AnchorJob job, JobState state, String error, boolean countAttempt) {
        Instant now = clock.instant();
        int failures = job.attempts() + 1;
        jobs.retryLater(job, state, error, now.plus(settings.backoff(failures)), now, countAttempt);
        LOG.info("anchoring " + job.label() + " failed (" + error + "); next attempt in " + settings.backoff(failures));
    }

    private static String describe(RuntimeException e) {
        return e instanceof CairnException ce ? ce.error().code() + " " + ce.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
