package io.cairn.connector.tck;

import io.cairn.connector.spi.Checkpoint;
import io.cairn.connector.spi.LedgerEvent;
import io.cairn.connector.spi.LedgerEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A sink that records every acknowledged batch with its checkpoint, like a consumer that stores both in
 * one transaction, and that can be told to reject deliveries to exercise redelivery.
 */
public final class RecordingSink implements LedgerEventSink {

    /** One delivery attempt. */
    public record Delivery(List<LedgerEvent> batch, Checkpoint next, boolean accepted) {
    }

    private final List<Delivery> attempts = new ArrayList<>();
    private final List<LedgerEvent> committed = new ArrayList<>();
    private final AtomicInteger rejectionsLeft = new AtomicInteger();
    private volatile Predicate<List<LedgerEvent>> rejectWhen = batch -> false;
    private Checkpoint checkpoint;
    private Checkpoint reorganised;

    /** A sink whose stored checkpoint starts at {@code start}. */
    public RecordingSink(Checkpoint start) {
        this.checkpoint = start;
    }

    /** Rejects the next {@code times} deliveries whose batch matches {@code when}. */
    public void reject(int times, Predicate<List<LedgerEvent>> when) {
        rejectWhen = when;
        rejectionsLeft.set(times);
    }

    @Override
    public synchronized void deliver(List<LedgerEvent> batch, Checkpoint next) {
        if (rejectionsLeft.get() > 0 && rejectWhen.test(batch)) {
            rejectionsLeft.decrementAndGet();
            attempts.add(new Delivery(List.copyOf(batch), next, false));
            throw new IllegalStateException("sink rejects this batch (TCK-injected transient failure)");
        }
        attempts.add(new Delivery(List.copyOf(batch), next, true));
        committed.addAll(batch);
        checkpoint = next;
    }

    @Override
    public synchronized void reorganised(Checkpoint stale) {
        reorganised = stale;
    }

    /** Events acknowledged so far, in delivery order. */
    public synchronized List<LedgerEvent> committed() {
        return List.copyOf(committed);
    }

    /** Every delivery attempt, rejected ones included. */
    public synchronized List<Delivery> attempts() {
        return List.copyOf(attempts);
    }

    /** The checkpoint stored with the last acknowledged batch. */
    public synchronized Checkpoint checkpoint() {
        return checkpoint;
    }

    /** The stale checkpoint reported by the connector, if a reorganisation was reported. */
    public synchronized Optional<Checkpoint> reorganised() {
        return Optional.ofNullable(reorganised);
    }
}
