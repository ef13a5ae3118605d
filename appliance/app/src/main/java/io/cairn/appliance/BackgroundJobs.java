package io.cairn.appliance;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Periodic work of the appliance (settling proposals whose voting window has passed, relaying events to the
 * journal, ...). A failing run is logged and retried at the next interval; it never stops the schedule.
 */
final class BackgroundJobs implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BackgroundJobs.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("cairn-jobs").daemon(true).factory());

    /** Runs {@code job} every {@code interval}, first after one interval. */
    void every(String name, Duration interval, Runnable job) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "background job " + name + " failed; retrying in " + interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
