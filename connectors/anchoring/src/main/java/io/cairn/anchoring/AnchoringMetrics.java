package io.cairn.anchoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's meters, tagged by ledger: {@code cairn.anchor.lag.seconds}, {@code cairn.anchor.queue.depth}
 * (gauges refreshed at every run) and {@code cairn.anchor.verification.failures} (a counter).
 */
final class AnchoringMetrics {
    /** Age of the oldest block not yet anchored on a ledger. */
    static final String LAG = "cairn.anchor.lag.seconds";
    /** Jobs waiting to be anchored on a ledger. */
    static final String DEPTH = "cairn.anchor.queue.depth";
    /** Anchors found vanished or forked by the re-scan. */
    static final String FAILURES = "cairn.anchor.verification.failures";

    private final MeterRegistry meters;
    private final Map<String, Values> ledgers = new ConcurrentHashMap<>();

    AnchoringMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Current gauge values of one ledger. */
    private record Values(AtomicLong lagMillis, AtomicLong depth) {
    }

    /** Refreshes a ledger's gauges from the queue. */
    void refresh(String ledger, AnchorJobs jobs, Instant now) {
        Values values = ledgers.computeIfAbsent(ledger, this::register);
        values.depth().set(jobs.queueDepth(ledger));
        values.lagMillis().set(jobs.lag(ledger, now).toMillis());
    }

    /** Counts one broken anchor. */
    void verificationFailed(String ledger) {
        meters.counter(FAILURES, "ledger", ledger).increment();
    }

    private Values register(String ledger) {
        Values values = new Values(new AtomicLong(), new AtomicLong());
        Gauge.builder(LAG, values, v -> v.lagMillis().get() / 1000.0).tag("ledger", ledger).baseUnit("seconds")
                .description("Age of the oldest verification block not yet anchored on the ledger (0 when none)")
                .register(meters);
        Gauge.builder(DEPTH, values, v -> v.depth().get()).tag("ledger", ledger)
                .description("Anchor jobs waiting for submission on the ledger (queued, submitting, broken)")
                .register(meters);
        Counter.builder(FAILURES).tag("ledger", ledger)
                .description("Anchors the re-scan found vanished or on a losing fork").register(meters);
        return values;
    }

}
