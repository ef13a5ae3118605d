package io.cairn.storage.leadership;

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
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two appliance-like JVM processes on one PostgreSQL: the leader is killed with SIGKILL, the other takes
 * over within the lease time, and the leased job never runs on both at once.
 */
@Tag("integration")
class LeaderFailoverTest {
    private static final String PASSWORD = "postgres";

    @TempDir
    Path dir;

    private EmbeddedPostgres postgres;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void startDatabase() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema lease_test");
            statement.execute("create table lease_test.runs(job text not null, tick bigint not null,"
                    + " owner text not null, at timestamptz not null default clock_timestamp(),"
                    + " constraint one_run_per_tick unique (job, tick))");
            statement.execute("create table lease_test.conflicts(job text, tick bigint, owner text)");
        }
    }

    @AfterEach
    void stopEverything() throws IOException {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        postgres.close();
    }

    @Test
    void survivorTakesOverWithinLeaseTimeAfterKillNineAndJobNeverRunsTwice() throws Exception {
        Process a = contender("a");
        awaitTrue("a leads and checkpoints", Duration.ofSeconds(20), () -> runsBy("a") >= 3);
        Process b = contender("b");
        awaitTrue("b contends", Duration.ofSeconds(20), () -> output("b").contains("CONTENDING b"));
        Thread.sleep(1000);
        assertThat(runsBy("b")).as("a follower must not run the job").isZero();

        long takeoverB = killAndMeasureTakeover(a, "b");
        Process c = contender("c");
        awaitTrue("c contends", Duration.ofSeconds(20), () -> output("c").contains("CONTENDING c"));
        Thread.sleep(1000);
        assertThat(runsBy("c")).isZero();
        long takeoverC = killAndMeasureTakeover(b, "c");
        awaitTrue("c checkpoints", Duration.ofSeconds(10), () -> runsBy("c") >= 5);
        c.destroy();

        long lease = LeaseContender.SETTINGS.leaseTime().toMillis();
        System.out.printf("takeover after kill -9: %d ms and %d ms (lease time %d ms)%n", takeoverB, takeoverC, lease);
        assertThat(takeoverB).isLessThan(lease);
        assertThat(takeoverC).isLessThan(lease);
        assertThat(count("select count(*) from lease_test.conflicts")).as("runs of the job on two instances at once")
                .isZero();
        long runs = count("select count(*) from lease_test.runs");
        assertThat(count("select max(tick) from lease_test.runs")).as("checkpoints are consecutive").isEqualTo(runs);
        assertThat(output("a") + output("b") + output("c")).doesNotContain("JOB FAILED");
    }

    private long killAndMeasureTakeover(Process leader, String survivor) throws Exception {
        long before = runsBy(survivor);
        long killed = System.nanoTime();
        leader.destroyForcibly().waitFor();
        awaitTrue(survivor + " takes over", Duration.ofSeconds(20), () -> runsBy(survivor) > before);
        return Duration.ofNanos(System.nanoTime() - killed).toMillis();
    }

    private Process contender(String label) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve(label + ".log");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LeaseContender.class.getName(), postgres.getJdbcUrl("postgres", "postgres"), "postgres", PASSWORD, label)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    private String output(String label) {
        try {
            Path log = dir.resolve(label + ".log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private long runsBy(String label) {
        return count("select count(*) from lease_test.runs where owner = '" + label + "'");
    }

    private long count(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    private void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; output: "
                        + Optional.of(output("a") + output("b") + output("c")).orElse(""));
            }
            Thread.sleep(20);
        }
    }
}
