package io.cairn.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures bundle verification beside a baseline measured in the same run: one SHA-256 pass over the same
 * (uncompressed) file bytes. Not a test; run it with
 * {@code ./mvnw -q -B -pl compliance-audit/evidence test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.cairn.evidence.BundleVerificationBenchmark -Dexec.args="entries=100000"}.
 *
 * <p>Arguments ({@code name=value}): {@code entries} messages of the exported application (default 100000),
 * {@code block} messages per block (default 10), {@code checkpoint} messages between checkpoints (default
 * 10000), {@code rounds} measured rounds after one warm-up (default 3).
 */
public final class BundleVerificationBenchmark {
    private BundleVerificationBenchmark() {
    }

    /**
     * Runs the measurement and prints the figures.
     *
     * @param args {@code name=value} arguments
     * @throws IOException when the bundle cannot be written
     */
    public static void main(String[] args) throws IOException {
        Map<String, Integer> options = options(args);
        int entries = options.getOrDefault("entries", 100_000);
        int rounds = options.getOrDefault("rounds", 3);
        long start = System.nanoTime();
        EvidenceScenario scenario = EvidenceScenario.build(entries, 42, options.getOrDefault("block", 10),
                options.getOrDefault("checkpoint", 10_000));
        System.out.printf("journal of %,d entries built in %.1f s%n", scenario.journal.size(), seconds(start));
        Path bundle = Files.createTempFile("evidence-benchmark-", ".zip");
        try {
            start = System.nanoTime();
            EvidenceExport export = scenario.exporter().plan(scenario.scope(false));
            export.writeTo(bundle);
            System.out.printf("exported %,d entries and %,d blocks in %.2f s: %,d bytes%n", export.entryCount(),
                    export.blockCount(), seconds(start), Files.size(bundle));
            measure(bundle, rounds);
        } finally {
            Files.deleteIfExists(bundle);
        }
    }

    private static void measure(Path bundle, int rounds) throws IOException {
        List<byte[]> files = new ArrayList<>(Bundles.read(bundle).values());
        long bytes = files.stream().mapToLong(f -> f.length).sum();
        double[] verify = new double[rounds];
        double[] baseline = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            long start = System.nanoTime();
            VerificationReport report = BundleVerifier.verify(bundle, BundleVerifier.Options.offline());
            double verifySeconds = seconds(start);
            if (!report.valid()) {
                throw new IllegalStateException("the benchmark bundle does not verify:\n" + report.text());
            }
            start = System.nanoTime();
            MessageDigest sha = Digests.sha256();
            files.forEach(sha::update);
            sha.digest();
            double baselineSeconds = seconds(start);
            if (round >= 0) {
                verify[round] = verifySeconds;
                baseline[round] = baselineSeconds;
            }
        }
        double v = median(verify);
        double b = median(baseline);
        System.out.printf("bundle verification (median of %d): %.3f s%n", rounds, v);
        System.out.printf("baseline SHA-256 of the same %,d uncompressed bytes (median of %d): %.3f s (%.0f MB/s)%n",
                bytes, rounds, b, bytes / b / 1e6);
        System.out.printf("verification / baseline: %.1fx%n", v / b);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new HashMap<>();
        for (String arg : args) {
            String[] parts = arg.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("arguments are name=value: " + arg);
            }
            options.put(parts[0], Integer.parseInt(parts[1]));
        }
        return options;
    }
}
