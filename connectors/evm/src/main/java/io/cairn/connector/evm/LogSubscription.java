package io.cairn.connector.evm;

import io.cairn.connector.spi.Checkpoint;
import io.cairn.connector.spi.EventSubscription;
import io.cairn.connector.spi.LedgerEventSink;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams the anchoring contract's logs to a sink with {@code eth_getLogs} over block ranges.
 *
 * <p>One thread per subscription. A batch is delivered until the sink accepts it (the same batch and
 * checkpoint again after each rejection); node failures restart from the last acknowledged checkpoint.
 * Before every poll the acknowledged checkpoint's block hash is compared with the canonical chain: when
 * it differs the sink is told and the subscription fails with {@code LEDGER_REORG_DETECTED}.
 */
final class LogSubscription implements EventSubscription {

    private static final Logger LOG = Logger.getLogger(LogSubscription.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final LogReader reader;
    private final LedgerEventSink sink;
    private final Duration pollInterval;
    private final Thread thread;
    private volatile Checkpoint acknowledged;
    private volatile State state = State.RUNNING;
    private volatile CairnException failure;
    private volatile boolean sleeping;

    LogSubscription(LogReader reader, Checkpoint from, LedgerEventSink sink, Duration pollInterval, String name) {
        this.reader = reader;
        this.acknowledged = from;
        this.sink = sink;
        this.pollInterval = pollInterval;
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
    }

    LogSubscription start() {
        thread.start();
        return this;
    }

    @Override
    public Checkpoint acknowledged() {
        return acknowledged;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Optional<CairnException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        if (state == State.RUNNING) {
            state = State.CLOSED;
        }
        if (sleeping) {
            thread.interrupt();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Deque<LogReader.Batch> pending = new ArrayDeque<>();
        Duration backoff = pollInterval;
        while (state == State.RUNNING) {
            try {
                if (pending.isEmpty()) {
                    reader.next(acknowledged).ifPresent(pending::addAll);
                }
                if (pending.isEmpty()) {
                    sleep(pollInterval);
                    continue;
                }
                if (deliver(pending.peekFirst())) {
                    pending.removeFirst();
                    backoff = pollInterval;
                } else {
                    backoff = sleep(backoff);
                }
            } catch (LogReader.Reorganised reorg) {
                stopOnReorg(reorg);
            } catch (Interrupted stop) {
                return;
            } catch (RuntimeException nodeFailure) {
                LOG.log(Level.FINE, "event poll failed, retrying from the last checkpoint", nodeFailure);
                pending.clear();
                backoff = sleepQuietly(backoff);
            }
        }
    }

    private boolean deliver(LogReader.Batch batch) {
        try {
            sink.deliver(batch.events(), batch.next());
        } catch (RuntimeException rejected) {
            LOG.log(Level.FINE, "sink rejected a batch; it will be delivered again", rejected);
            return false;
        }
        acknowledged = batch.next();
        return true;
    }

    private void stopOnReorg(LogReader.Reorganised reorg) {
        failure = new CairnException(ErrorCode.LEDGER_REORG_DETECTED, reorg.getMessage());
        state = State.FAILED;
        try {
            sink.reorganised(acknowledged);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sink failed while handling a reorganisation", e);
        }
    }

    private Duration sleepQuietly(Duration duration) {
        try {
            return sleep(duration);
        } catch (Interrupted stop) {
            return duration;
        }
    }

    /** Sleeps and returns the next, doubled back-off. */
    private Duration sleep(Duration duration) {
        sleeping = true;
        try {
            if (state != State.RUNNING) {
                throw new Interrupted();
            }
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            throw new Interrupted();
        } finally {
            sleeping = false;
        }
        Duration doubled = duration.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    /** The subscription thread was interrupted by {@link #close()}. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("subscription closed", null, false, false);
        }
    }

}
