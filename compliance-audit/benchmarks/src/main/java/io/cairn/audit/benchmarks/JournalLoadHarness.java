package io.cairn.audit.benchmarks;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.CanonicalEntry;
import io.cairn.audit.spi.JournalReceipt;
import io.cairn.journal.JournalSettings;
import io.cairn.journal.PostgresJournal;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.merkle.Hash;
import io.cairn.merkle.ProofGenerator;
import io.cairn.merkle.TreeHasher;
import io.cairn.merkle.TreeStore;
import io.cairn.storage.Database;
import io.cairn.storage.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness of the PostgreSQL journal on the embedded, durable (fsync on) PostgreSQL, printing each
 * figure beside a baseline measured in the same run:
 * <ul>
 *   <li>baseline: one INSERT + COMMIT per event (1 thread and N threads) into a plain table;</li>
 *   <li>sustained group-commit appends with N threads calling {@code append} (latency = until commit);</li>
 *   <li>a burst of appends submitted at once;</li>
 *   <li>inclusion proof generation from the PostgreSQL tree store at the target size, beside a
 *       single-row primary-key read.</li>
 * </ul>
 * Arguments (all optional): {@code seconds=15 threads=64 burst=50000 entries=1000000 proofs=20000 data=DIR};
 * {@code only=proofs} skips the append measurements (to re-measure proofs on a filled data directory).
 */
public final class JournalLoadHarness {
    private final Map<String, String> options;
    private final Database db;
    private final PostgresJournal journal;

    private JournalLoadHarness(Map<String, String> options, Database db, PostgresJournal journal) {
        this.options = options;
        this.db = db;
        this.journal = journal;
    }

    /**
     * Runs every measurement and prints the figures.
     *
     * @param args {@code name=value} options
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv[1]);
        }
        Path data = options.containsKey("data") ? Path.of(options.get("data")) : Files.createTempDirectory("cairn-journal-bench");
        int threads = Integer.parseInt(options.getOrDefault("threads", "64"));
        StorageSettings storage = StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS),
                Map.of("data-directory", data.toString(), "storage.pool.max-size", Integer.toString(threads + 8))));
        try (Database db = Database.open(storage, List.of(PostgresJournal.MIGRATION))) {
            JournalSettings settings = new JournalSettings("bench/journal", Duration.ofMinutes(1), Duration.ofHours(1),
                    5000, 1_000_000);
            try (PostgresJournal journal = PostgresJournal.open(db.dataSource(), settings)) {
                new JournalLoadHarness(options, db, journal).run(threads);
            }
        }
    }

    private void run(int threads) throws Exception {
        Duration window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "15")));
        System.out.printf("journal load harness: %d CPUs, window %s, %d client threads, PostgreSQL fsync=%s%n",
                Runtime.getRuntime().availableProcessors(), window, threads, show("fsync"));
        db.jdbi().useHandle(h -> h.execute("create table if not exists public.bench_baseline (id bigserial primary key,"
                + " entry bytea not null, leaf_hash bytea not null)"));
        if (!"proofs".equals(options.get("only"))) {
            report("baseline, INSERT + COMMIT per event, 1 thread", baseline(1, window), window);
            report("baseline, INSERT + COMMIT per event, " + threads + " threads", baseline(threads, window), window);
            report("journal append (group commit), " + threads + " threads", sustained(threads, window), window);
            burst(Integer.parseInt(options.getOrDefault("burst", "50000")));
        }
        long entries = Long.parseLong(options.getOrDefault("entries", "1000000"));
        fill(entries);
        proofs(Integer.parseInt(options.getOrDefault("proofs", "20000")));
    }

    private Latencies baseline(int threads, Duration window) throws Exception {
        return runThreads(threads, window, (id, seq) -> {
            byte[] entry = CanonicalEntry.encode(event(id, seq));
            try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(
                    "insert into public.bench_baseline (entry, leaf_hash) values (?, ?)")) {
                p.setBytes(1, entry);
                p.setBytes(2, TreeHasher.leafHash(entry).bytes());
                p.executeUpdate();
            }
        });
    }

    private Latencies sustained(int threads, Duration window) throws Exception {
        return runThreads(threads, window, (id, seq) -> journal.append(event(id, seq)));
    }

    private void burst(int count) {
        long before = journal.size();
        long start = System.nanoTime();
        List<CompletableFuture<JournalReceipt>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            futures.add(journal.appendAsync(event(-1, i)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("burst: %d appends submitted at once, all committed in %.2f s = %,.0f appends/s (size %d -> %d)%n",
                count, seconds, count / seconds, before, journal.size());
    }

    private void fill(long target) throws InterruptedException {
        long start = System.nanoTime();
        long before = journal.size();
        Semaphore inFlight = new Semaphore(20_000);
        for (long seq = before; seq < target; seq++) {
            inFlight.acquire();
            journal.appendAsync(event(-2, seq)).whenComplete((r, e) -> inFlight.release());
        }
        inFlight.acquire(20_000);
        inFlight.release(20_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fill: %,d -> %,d entries in %.1f s = %,.0f appends/s pipelined (20,000 in flight)%n",
                before, journal.size(), seconds, (journal.size() - before) / seconds);
    }

    private void proofs(int count) throws SQLException {
        long size = journal.size();
        TreeStore store = journal.treeStore(size);
        Hash root = ProofGenerator.root(store, size);
        SplittableRandom random = new SplittableRandom(42);
        Latencies proofLatency = new Latencies();
        Latencies rowLatency = new Latencies();
        for (int i = 0; i < count; i++) {
            long index = random.nextLong(size);
            long t0 = System.nanoTime();
            var proof = ProofGenerator.inclusion(store, index, size);
            proofLatency.add(System.nanoTime() - t0);
            if (i % 1000 == 0 && !proof.verify(store.node(new io.cairn.merkle.NodeId(0, index)), root).isValid()) {
                throw new IllegalStateException("proof of " + index + " does not verify");
            }
            long t1 = System.nanoTime();
            readRow(index);
            rowLatency.add(System.nanoTime() - t1);
        }
        System.out.printf("inclusion proof from the PostgreSQL tree store at %,d entries (%d proofs): %s%n", size, count,
                proofLatency.summary());
        System.out.printf("  baseline, one primary-key row read on a pooled connection: %s%n", rowLatency.summary());
    }

    private void readRow(long index) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement p = c.prepareStatement("select leaf_hash from journal.entries where leaf_index = ?")) {
            p.setLong(1, index);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
            }
        }
    }

    /** One operation of a load loop. */
    @FunctionalInterface
    private interface Operation {
        void run(int thread, long seq) throws Exception;
    }

    private static Latencies runThreads(int threads, Duration window, Operation operation) throws Exception {
        Latencies all = new Latencies();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + window.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(Thread.ofPlatform().start(() -> {
                Latencies mine = new Latencies();
                for (long seq = 0; System.nanoTime() < deadline; seq++) {
                    long t0 = System.nanoTime();
                    try {
                        operation.run(id, seq);
                        mine.add(System.nanoTime() - t0);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                all.addAll(mine);
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failures.get() > 0) {
            System.out.println("  (" + failures.get() + " operations failed)");
        }
        return all;
    }

    private static void report(String name, Latencies latencies, Duration window) {
        System.out.printf("%s: %,.0f per second durable, commit latency %s%n", name,
                latencies.count() / (window.toNanos() / 1e9), latencies.summary());
    }

    private String show(String setting) {
        return db.jdbi().withHandle(h -> h.select("show " + setting).mapTo(String.class).one());
    }

    private static AuditEvent event(int thread, long seq) {
        return AuditEvent.of("signing.signature-issued", "member-" + (thread & 7), "keys/journal-checkpoint",
                        Instant.ofEpochSecond(1_767_225_600L + seq))
                .withAttribute("thread", Integer.toString(thread))
                .withAttribute("seq", Long.toString(seq))
                .withPayloadSha256("0123456789abcdef".repeat(4));
    }
}
