package io.cairn.journal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a checkpoint every {@code journal.checkpoint.interval} (when entries were added) and runs the
 * tamper audit every {@code journal.audit.interval}, on one background thread. A failed run is logged
 * and retried at the next tick; an audit that finds tampering keeps its report for the API.
 */
public final class CheckpointScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointScheduler.class);

    private final CheckpointLog checkpoints;
    private final JournalAudit audit;
    private final JournalSettings settings;
    private final ScheduledExecutorService executor;
    private final BooleanSupplier leading;

    /**
     * Creates a stopped scheduler that runs on every tick.
     *
     * @param checkpoints the checkpoint log
     * @param audit       the tamper audit
     * @param settings    the intervals
     */
    public CheckpointScheduler(CheckpointLog checkpoints, JournalAudit audit, JournalSettings settings) {
        this(checkpoints, audit, settings, () -> true);
    }

    /**
     * Creates a stopped scheduler that runs a tick only while {@code leading} says this instance leads the
     * background work (one instance of an HA group at a time).
     *
     * @param checkpoints the checkpoint log
     * @param audit       the tamper audit
     * @param settings    the intervals
     * @param leading     whether this instance may run the work now
     */
    public CheckpointScheduler(CheckpointLog checkpoints, JournalAudit audit, JournalSettings settings,
                               BooleanSupplier leading) {
        this.leading = leading;
        this.checkpoints = checkpoints;
        this.audit = audit;
        this.settings = settings;
        this.executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("cairn-journal-checkpoints").daemon(true).factory());
    }

    /** Starts both schedules; the first audit runs right away, the first checkpoint after one interval. */
    public void start() {
        long checkpointMillis = settings.checkpointInterval().toMillis();
        executor.scheduleWithFixedDelay(this::checkpoint, checkpointMillis, checkpointMillis, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::audit, 0, settings.auditInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        if (!leading.getAsBoolean()) {
            return;
        }
        try {
            Checkpoint checkpoint = checkpoints.create();
            LOG.debug("journal checkpoint at size {}", checkpoint.treeSize());
        } catch (RuntimeException e) {
            LOG.error("journal checkpoint failed: {}", e.getMessage(), e);
        }
    }

    private void audit() {
        if (!leading.getAsBoolean()) {
            return;
        }
        try {
            audit.run();
        } catch (RuntimeException e) {
            LOG.error("journal audit failed: {}", e.getMessage(), e);
        }
    }

    /** Stops the schedules, waiting for a running checkpoint or audit to finish. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
