package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the appliance process while clients write: after each restart on the same data
 * directory (which also takes over the embedded PostgreSQL server the killed process left behind) every
 * write that was acknowledged with 201 is present.
 */
@Tag("integration")
class CrashRecoveryTest {
    static final String ADMIN = "cairn_crash-bootstrap-token-0123456789abcdefghijklmnopq";
    static final int KILL_POINTS = 4;

    @TempDir
    Path dir;

    @Test
    void acknowledgedWritesSurviveKillMinusNine() throws Exception {
        int port = Waiting.freePort();
        Path config = dir.resolve("cairn.yaml");
        Files.writeString(config, "data-directory: " + dir.resolve("data") + "\nserver:\n  port: " + port
                + "\n  plaintext-http: true\nsecurity:\n  bootstrap:\n    token: " + ADMIN + "\nlogging:\n  format: text\n");
        Http http = new Http("http://127.0.0.1:" + port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Random random = new Random(42);
        for (int round = 0; round < KILL_POINTS; round++) {
            Process process = start(config, round);
            awaitHealthy(http, process);
            assertPresent(http, acknowledged);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = writers(http, round, writing, acknowledged);
            Thread.sleep(500 + random.nextInt(2000));
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            writing.set(false);
            for (Thread writer : writers) {
                writer.join();
            }
        }
        Process last = start(config, KILL_POINTS);
        try {
            awaitHealthy(http, last);
            assertPresent(http, acknowledged);
            assertThat(acknowledged).hasSizeGreaterThan(KILL_POINTS * 5);
            assertThat(Files.readString(dir.resolve("appliance-1.log"), StandardCharsets.UTF_8))
                    .as("the restart took over the PostgreSQL server the killed process left running")
                    .contains("is still running from a previous process");
            System.out.println("crash recovery: " + KILL_POINTS + " kill -9 points, " + acknowledged.size()
                    + " acknowledged writes, all present after restart");
        } finally {
            last.destroy();
            assertThat(last.waitFor(60, TimeUnit.SECONDS)).as("graceful stop").isTrue();
        }
        String postmaster = dir.resolve("data/postgresql/postmaster.pid").toString();
        assertThat(Files.exists(Path.of(postmaster))).as("embedded PostgreSQL stopped with the appliance").isFalse();
    }

    private static List<Thread> writers(Http http, int round, AtomicBoolean writing, Set<String> acknowledged) {
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; writing.get(); i++) {
                    String name = "r" + round + "-w" + writer + "-" + i;
                    try {
                        Http.Answer answer = http.post("/api/v1/users", ADMIN, Map.of("username", name,
                                "displayName", name, "roles", List.of("member")));
                        if (answer.status() == 201) {
                            acknowledged.add(name);
                        }
                    } catch (RuntimeException e) {
                        // the server was killed mid-request: this write was never acknowledged
                    }
                }
            }));
        }
        return writers;
    }

    private static void assertPresent(Http http, Set<String> acknowledged) {
        for (String name : acknowledged) {
            assertThat(http.get("/api/v1/users/" + name, ADMIN).status()).as("acknowledged user " + name).isEqualTo(200);
        }
    }

    private Process start(Path config, int round) throws IOException {
        Path log = dir.resolve("appliance-" + round + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "io.cairn.appliance.cli.Main", "serve", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitHealthy(Http http, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("appliance exited: " + logs());
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
        throw new AssertionError("appliance did not become ready: " + logs());
    }

    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                all.append("\n--- ").append(p.getFileName()).append('\n').append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
