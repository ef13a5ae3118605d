package io.cairn.audit.benchmarks;

import java.util.Arrays;

/** Recorded latencies in nanoseconds, summarised as percentiles in milliseconds. */
final class Latencies {
    private long[] values = new long[1 << 16];
    private int count;

    synchronized void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.values[i]);
        }
    }

    synchronized int count() {
        return count;
    }

    /** {@code p50 / p99 / max} in milliseconds. */
    synchronized String summary() {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", percentile(sorted, 0.50),
                percentile(sorted, 0.99), count == 0 ? 0 : sorted[count - 1] / 1e6);
    }

    synchronized double p99Millis() {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return percentile(sorted, 0.99);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
