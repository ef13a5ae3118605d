package io.cairn.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.merkle.Hash;
import io.cairn.merkle.ProofGenerator;
import io.cairn.storage.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Kill -9 during sustained appends: a child JVM appends as fast as it can and is killed with SIGKILL at
 * random points; after every restart each acknowledged entry is present exactly once at its acknowledged
 * index, indexes are gap-free, and the checkpoint signed at start-up is consistent with the previous one.
 */
@Tag("integration")
class JournalCrashTest {
    private static final long SEED = Long.getLong("cairn.test.seed", System.nanoTime());
    private static final int KILLS = Integer.getInteger("cairn.crash.kills", 50);

    @TempDir
    Path dir;

    private final Map<String, Long> acknowledged = new HashMap<>();
    private final Map<String, Long> sinceLastCheck = new HashMap<>();
    private long previousSize = -1;
    private int serverKills;
    private Hash previousRoot;

    @Test
    void everyAcknowledgedEntrySurvivesKillNine() throws Exception {
        // child JVMs and killed servers are stopped below; a final open takes over and stops the last server
        Random random = new Random(SEED);
        long started = System.nanoTime();
        List<Integer> perRun = new ArrayList<>();
        for (int run = 0; run <= KILLS; run++) {
            long t0 = System.nanoTime();
            Child child = Child.start(dir, "r" + run);
            try {
                assertThat(child.ready.await(120, TimeUnit.SECONDS)).as("child %d ready (seed %d)", run, SEED).isTrue();
                long t1 = System.nanoTime();
                verifyWhileRunning(child, run);
                System.out.printf("run %d: ready after %d ms, verified in %d ms%n", run, (t1 - t0) / 1_000_000,
                        (System.nanoTime() - t1) / 1_000_000);
                Thread.sleep(100 + random.nextInt(400));
            } finally {
                child.kill();
            }
            if (run % 2 == 1) {
                killDatabaseServer();
            }
            int acks = child.collectAcks(acknowledged, sinceLastCheck);
            perRun.add(acks);
        }
        try (Database db = TestDatabase.open(dir)) {
            verifyStored(db.dataSource(), acknowledged);
            AuditReport report = new JournalAudit(PostgresJournal.open(db.dataSource(),
                    JournalSettings.defaults("crash.test/journal")), Clock.systemUTC()).run();
            assertThat(report.findings()).isEmpty();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("crash test (seed %d): %d kill points (%d with the database server), %d acknowledged appends, %d entries stored, "
                            + "%.1f s, acknowledged per run min %d max %d, final audit: %d entries, %d checkpoints intact%n",
                    SEED, KILLS, serverKills, acknowledged.size(), report.treeSize(), seconds,
                    perRun.stream().mapToInt(Integer::intValue).min().orElse(0),
                    perRun.stream().mapToInt(Integer::intValue).max().orElse(0), report.entriesChecked(),
                    report.checkpointsChecked());
        }
    }

    private void verifyWhileRunning(Child child, int run) throws SQLException {
        assertThat(child.checkpointLine).as("run %d signed a consistent checkpoint (seed %d)", run, SEED)
                .startsWith("CHECKPOINT ");
        String[] parts = child.checkpointLine.split(" ");
        long size = Long.parseLong(parts[1]);
        Hash root = Hash.fromBase64(parts[2]);
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl("jdbc:postgresql://127.0.0.1:" + child.port + "/cairn");
        source.setUser("cairn");
        source.setPassword(password());
        // this run's start: the previous run's acknowledgements are stored at their indexes, every index is
        // there once, and the consistency proof below ties all earlier entries to the earlier signed roots
        long committed = verifyStored(source, sinceLastCheck);
        sinceLastCheck.clear();
        assertThat(size).isLessThanOrEqualTo(committed);
        long highestAcked = acknowledged.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        assertThat(size).as("checkpoint covers every acknowledged entry").isGreaterThan(highestAcked);
        if (previousSize >= 0) {
            JdbcTreeStore store = new JdbcTreeStore(source, size);
            assertThat(ProofGenerator.consistency(store, previousSize, size).verify(previousRoot, root).isValid())
                    .as("checkpoint %d consistent with %d", size, previousSize).isTrue();
        }
        previousSize = size;
        previousRoot = root;
    }

    /** The given acknowledged keys once each at their index, all indexes gap-free; returns the committed size. */
    private long verifyStored(javax.sql.DataSource source, Map<String, Long> expected) throws SQLException {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long size = EntryRows.headSize(c);
            try (PreparedStatement p = c.prepareStatement("select count(*), coalesce(max(leaf_index), -1),"
                    + " count(distinct leaf_index) from journal.entries");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("rows = committed size (seed %d)", SEED).isEqualTo(size);
                assertThat(rs.getLong(2)).as("highest index").isEqualTo(size - 1);
                assertThat(rs.getLong(3)).isEqualTo(size);
            }
            Map<String, Long> stored = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("select e.idempotency_key, e.leaf_index"
                    + " from unnest(?::text[]) as k(key) join journal.entries e on e.idempotency_key = k.key")) {
                p.setArray(1, c.createArrayOf("text", expected.keySet().toArray()));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        assertThat(stored.put(rs.getString(1), rs.getLong(2))).isNull();
                    }
                }
            }
            assertThat(stored).as("acknowledged entries at their acknowledged indexes (seed %d)", SEED)
                    .isEqualTo(expected);
            c.rollback();
            return size;
        }
    }

    /** SIGKILL of the embedded server too, on every other kill point: PostgreSQL crash recovery must keep every commit. */
    private void killDatabaseServer() throws Exception {
        Path pidFile = dir.resolve("postgresql/postmaster.pid");
        if (Files.isRegularFile(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
            java.util.Optional<ProcessHandle> server = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (server.isPresent()) {
                List<ProcessHandle> backends = server.get().children().toList();
                server.get().destroyForcibly();
                server.get().onExit().get(30, TimeUnit.SECONDS);
                for (ProcessHandle backend : backends) {
                    backend.onExit().get(30, TimeUnit.SECONDS);
                }
                serverKills++;
            }
        }
    }

    private String password() {
        try {
            return Files.readString(dir.resolve("secrets/database-password"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One child JVM and what it printed. */
    private static final class Child {
        final Process process;
        final CountDownLatch ready = new CountDownLatch(1);
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        volatile String checkpointLine = "";
        volatile String port = "";
        final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = Thread.ofPlatform().daemon(true).start(this::read);
        }

        static Child start(Path data, String run) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), CrashAppender.class.getName(), data.toString(), run);
            builder.redirectError(ProcessBuilder.Redirect.appendTo(data.resolve("child-stderr.log").toFile()));
            return new Child(builder.start());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("CHECKPOINT")) {
                        checkpointLine = line;
                    } else if (line.startsWith("READY ") && line.endsWith(" .")) {
                        port = line.split(" ")[1];
                        ready.countDown();
                    } else {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the child was killed; what was read is kept
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }

        int collectAcks(Map<String, Long> acknowledged, Map<String, Long> sinceLastCheck) {
            int count = 0;
            for (String line : lines) {
                String[] parts = line.split(" ");
                if (parts.length == 4 && parts[0].equals("ACK") && parts[3].equals(".")) {
                    Long before = acknowledged.put(parts[2], Long.parseLong(parts[1]));
                    sinceLastCheck.put(parts[2], Long.parseLong(parts[1]));
                    assertThat(before).as("key %s acknowledged twice", parts[2]).isNull();
                    count++;
                }
            }
            return count;
        }
    }
}
