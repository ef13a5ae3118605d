package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HA pair: two appliance processes on one external PostgreSQL while clients write through both. Exactly
 * one runs the background jobs; {@code kill -9} of that one hands the jobs to the other within the lease
 * time, checkpoints go on from where they were (none twice, every one consistent with the last), and the
 * journal audit finds the journal intact.
 */
@Tag("integration")
class LeaderFailoverTest {
    static final String ADMIN = "cairn_failover-bootstrap-token-0123456789abcdefghijklm";
    static final Duration LEASE = Duration.ofSeconds(3);
    static final String LEADER = "cairn_leader{lease=\"background-jobs\"} 1.0";

    @TempDir
    Path dir;

    @Test
    void killingTheLeaderHandsTheJobsToTheOtherInstance() throws Exception {
        int dbPort = Waiting.freePort();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(false).setPort(dbPort).start()) {
            Instance a = Instance.start(dir, "a", dbPort);
            a.awaitReady();
            Instance b = Instance.start(dir, "b", dbPort);
            List<Instance> both = List.of(a, b);
            try {
                b.awaitReady();
                AtomicBoolean writing = new AtomicBoolean(true);
                AtomicInteger acknowledged = new AtomicInteger();
                List<Thread> writers = writers(both, writing, acknowledged);
                assertThat(Waiting.until(Duration.ofSeconds(30), () -> a.leads() || b.leads())).isTrue();
                Instance leader = a.leads() ? a : b;
                Instance follower = leader == a ? b : a;
                assertThat(follower.leads()).as("only one instance leads").isFalse();
                long before = awaitCheckpointAbove(postgres, 0);

                leader.process.destroyForcibly();
                long killed = System.nanoTime();
                assertThat(leader.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(Waiting.until(Duration.ofSeconds(60), follower::leads)).as("the follower takes over").isTrue();
                Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
                long after = awaitCheckpointAbove(postgres, checkpointedSize(postgres));

                writing.set(false);
                for (Thread writer : writers) {
                    writer.join();
                }
                assertThat(takeover).as("takeover within the lease time plus two heartbeats and polling")
                        .isLessThan(LEASE.plusSeconds(3));
                assertThat(after).isGreaterThan(before);
                assertThat(follower.http.get("/api/v1/journal/audit", ADMIN).body().get("intact").asBoolean())
                        .as("journal intact after the failover").isTrue();
                assertThat(checkpointsInOrder(postgres)).as("tree sizes grow with issue time").isTrue();
                assertThat(Files.readString(follower.log, StandardCharsets.UTF_8))
                        .contains("this instance now runs the background jobs");
                System.out.printf("leader failover: lease %d s, takeover %d ms after kill -9, %d acknowledged writes,"
                        + " checkpoints at %d before and %d after%n", LEASE.toSeconds(), takeover.toMillis(),
                        acknowledged.get(), before, after);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + logs(both), e);
            } finally {
                for (Instance instance : both) {
                    instance.stop();
                }
            }
        }
    }

    private static String logs(List<Instance> instances) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Instance instance : instances) {
            List<String> lines = Files.readAllLines(instance.log, StandardCharsets.UTF_8);
            all.append("\n--- last lines of ").append(instance.log.getFileName()).append('\n')
                    .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        return all.toString();
    }

    private static List<Thread> writers(List<Instance> instances, AtomicBoolean writing, AtomicInteger acknowledged) {
        List<Thread> writers = new ArrayList<>();
        for (Instance instance : instances) {
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; writing.get(); i++) {
                    String alias = "seal-" + instance.name + "-" + i;
                    try {
                        // a key creation is journaled (its key ceremony), so the journal grows and checkpoints follow
                        if (instance.http.post("/api/v1/keys", ADMIN, Map.of("alias", alias, "backend", "software",
                                "curve", "p-256", "purpose", "report-seal")).status() == 201) {
                            acknowledged.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        // this instance was killed: its writer stops getting answers
                    }
                }
            }));
        }
        return writers;
    }

    /** Waits for a checkpoint larger than {@code size} and returns the largest checkpointed size. */
    private static long awaitCheckpointAbove(EmbeddedPostgres postgres, long size) {
        assertThat(Waiting.until(Duration.ofSeconds(60), () -> checkpointedSize(postgres) > size))
                .as("a checkpoint above tree size " + size).isTrue();
        return checkpointedSize(postgres);
    }

    private static long checkpointedSize(EmbeddedPostgres postgres) {
        return query(postgres, "select coalesce(max(tree_size), 0) from journal.checkpoints", rs -> rs.getLong(1));
    }

    private static boolean checkpointsInOrder(EmbeddedPostgres postgres) {
        return query(postgres, "select count(*) = 0 from (select tree_size, lag(tree_size) over (order by issued_at, "
                + "tree_size) as previous from journal.checkpoints) c where previous >= tree_size", rs -> rs.getBoolean(1));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T query(EmbeddedPostgres postgres, String sql, Row<T> row) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return row.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One appliance process of the pair. */
    private record Instance(String name, Process process, Http http, Path log) {
        static Instance start(Path dir, String name, int dbPort) throws IOException {
            int port = Waiting.freePort();
            Path log = dir.resolve("appliance-" + name + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), "io.cairn.appliance.cli.Main", "serve")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("CAIRN_DATA_DIRECTORY", dir.resolve("data-" + name).toString());
            env.put("CAIRN_SERVER_PORT", Integer.toString(port));
            env.put("CAIRN_SERVER_PLAINTEXT_HTTP", "true");
            env.put("CAIRN_SECURITY_BOOTSTRAP_TOKEN", ADMIN);
            env.put("CAIRN_STORAGE_MODE", "external");
            env.put("CAIRN_STORAGE_URL", "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres");
            env.put("CAIRN_STORAGE_USERNAME", "postgres");
            env.put("CAIRN_STORAGE_TLS_MODE", "disable");
            env.put("CAIRN_STORAGE_LEADERSHIP_LEASE_TIME", LEASE.toSeconds() + "s");
            env.put("CAIRN_STORAGE_LEADERSHIP_HEARTBEAT", "500ms");
            env.put("CAIRN_JOURNAL_CHECKPOINT_INTERVAL", "1s");
            env.put("CAIRN_SIGNING_SOFTWARE_MASTER_KEY_FILE", dir.resolve("shared-master.key").toString());
            env.put("CAIRN_LOGGING_FORMAT", "text");
            return new Instance(name, builder.start(), new Http("http://127.0.0.1:" + port), log);
        }

        void awaitReady() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("appliance " + name + " exited:\n" + Files.readString(log));
                }
                try {
                    if (http.get("/health/ready", null).status() == 200) {
                        return;
                    }
                } catch (RuntimeException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("appliance " + name + " did not become ready:\n" + Files.readString(log));
        }

        boolean leads() {
            try {
                return process.isAlive() && http.get("/metrics", null).raw().body().contains(LEADER);
            } catch (RuntimeException e) {
                return false;
            }
        }

        void stop() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
