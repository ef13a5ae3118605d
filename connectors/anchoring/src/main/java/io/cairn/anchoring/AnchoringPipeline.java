package io.cairn.anchoring;

import io.cairn.audit.spi.AuditJournal;
import io.cairn.connector.spi.LedgerConnector;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anchors every verification block on every ledger of its application, one instance for all ledgers. The
 * appliance calls {@link #runOnce()} every {@code anchoring.interval} on the leader only.
 *
 * <p>Each run, per ledger: take new blocks from the {@link BlockFeed} into the durable queue; repeat outcome
 * calls that failed before; submit due jobs (see {@link AnchorSubmission}); verify anchored jobs until final;
 * re-scan final anchors older than {@code anchoring.rescan-interval}; refresh the lag and depth gauges. Ledgers
 * run in parallel; a ledger whose node is down only delays its own jobs.
 */
public final class AnchoringPipeline {
    private static final Logger LOG = Logger.getLogger(AnchoringPipeline.class.getName());
    private final LedgerRegistry registry;
    private final BlockFeed feed;
    private final AnchorJobs jobs;
    private final AnchoringSettings settings;
    private final Clock clock;
    private final AnchoringMetrics metrics;
    private final OutcomeReporter reporter;
    private final AnchorSubmission submission;
    private final AnchorVerifier verifier;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    /**
     * Creates the pipeline.
     *
     * @param registry the ledgers and their connectors
     * @param feed     blocks to anchor
     * @param outcomes where results are reported
     * @param journal  where broken-anchor alerts are recorded
     * @param meters   where lag, depth and failure meters are registered
     * @param settings {@code anchoring.*}
     * @param clock    time of every state change
     */
    public AnchoringPipeline(LedgerRegistry registry, BlockFeed feed, AnchorOutcomes outcomes, AuditJournal journal,
                             MeterRegistry meters, AnchoringSettings settings, Clock clock) {
        this.registry = registry;
        this.feed = feed;
        this.jobs = registry.jobs();
        this.settings = settings;
        this.clock = clock;
        this.metrics = new AnchoringMetrics(meters);
        this.reporter = new OutcomeReporter(jobs, outcomes, clock);
        this.submission = new AnchorSubmission(jobs, reporter, settings, clock);
        this.verifier = new AnchorVerifier(jobs, outcomes, reporter, new BrokenAnchorAlert(journal, metrics),
                settings, clock);
    }

    /** One run over every registered ledger, in parallel; returns what each did. */
    public List<LedgerRun> runOnce() {
        List<Future<LedgerRun>> runs = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String ledger : registry.names()) {
                runs.add(threads.submit(() -> runOnce(ledger)));
            }
        }
        List<LedgerRun> done = new ArrayList<>();
        for (Future<LedgerRun> run : runs) {
            if (run.state() == Future.State.SUCCESS) {
                done.add(run.resultNow());
            } else {
                LOG.log(Level.WARNING, "anchoring run failed", run.exceptionNow());
            }
        }
        return done;
    }

    /**
     * One run over one ledger; skipped when another run of the same ledger is in progress.
     *
     * @throws CairnException {@code CAIRN-LEDGER-0020} when the ledger has no connector
     */
    public LedgerRun runOnce(String ledger) {
        LedgerConnector connector = registry.connector(ledger).orElseThrow(() -> new CairnException(
                ErrorCode.LEDGER_NOT_FOUND, "no ledger is registered as '" + ledger + "'"));
        ReentrantLock lock = running.computeIfAbsent(ledger, l -> new ReentrantLock());
        if (!lock.tryLock()) {
            return LedgerRun.skipped(ledger);
        }
        try {
            return run(ledger, connector);
        } finally {
            lock.unlock();
        }
    }

    private LedgerRun run(String ledger, LedgerConnector connector) {
        int queued = intake(ledger);
        jobs.unreported(ledger, settings.batchSize()).forEach(reporter::report);
        AnchorSubmission.Counts sent = submission.submitDue(ledger, connector);
        AnchorVerifier.Counts confirmed = verify(ledger, () -> verifier.confirm(ledger, connector));
        AnchorVerifier.Counts rescanned = verify(ledger, () -> verifier.rescan(ledger, connector));
        metrics.refresh(ledger, jobs, clock.instant());
        return new LedgerRun(ledger, queued, sent.anchored(), confirmed.finalised(),
                confirmed.broken() + rescanned.broken(), sent.failures());
    }

    private int intake(String ledger) {
        try {
            return jobs.enqueue(ledger, feed.pendingFor(ledger, settings.intakeSize()), clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not take new blocks for ledger '" + ledger + "': " + e.getMessage());
            return 0;
        }
    }

    private AnchorVerifier.Counts verify(String ledger, java.util.function.Supplier<AnchorVerifier.Counts> phase) {
        try {
            return phase.get();
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "verification on ledger '" + ledger + "' put off to the next run: "
                    + e.getMessage());
            return new AnchorVerifier.Counts(0, 0);
        }
    }
}
