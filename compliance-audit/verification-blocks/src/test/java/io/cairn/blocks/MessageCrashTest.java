package io.cairn.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.kernel.testing.MutableClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 while messages are accepted and sealed: a child JVM ({@link CrashSender}) is killed at random points,
 * every other time together with the embedded PostgreSQL server, and restarted on the same data directory. At
 * the end every acknowledged message is stored at its acknowledged sequence number and journal entry, every
 * stored message is journaled exactly once and sealed, and the blocks form one chain, each journaled exactly once.
 * {@code -Dcairn.crash.kills=N} and {@code -Dcairn.test.seed=N} change the kill points and the seed.
 */
@Tag("integration")
class MessageCrashTest {
    private static final long SEED = Long.getLong("cairn.test.seed", System.nanoTime());
    private static final int KILLS = Integer.getInteger("cairn.crash.kills", 12);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageSurvivesKillNine() throws Exception {
        Random random = new Random(SEED);
        Map<String, long[]> acknowledged = new HashMap<>();
        int serverKills = 0;
        for (int run = 0; run <= KILLS; run++) {
            Child child = Child.start(dir, "r" + run);
            try {
                assertThat(child.ready.await(120, TimeUnit.SECONDS)).as("child %d ready (seed %d)", run, SEED).isTrue();
                Thread.sleep(300 + random.nextInt(1200));
            } finally {
                child.kill();
            }
            if (run % 2 == 1 && killDatabaseServer()) {
                serverKills++;
            }
            child.acks().forEach((id, ack) -> assertThat(acknowledged.put(id, ack)).as("acknowledged twice").isNull());
        }
        try (TestStack stack = new TestStack(dir, PayloadCipher.plaintext(), new MutableClock(Instant.now()))) {
            stack.sealer.sealDue(Instant.now().plusSeconds(3600));
            verify(stack, acknowledged);
            System.out.printf("message crash test (seed %d): %d kill points (%d with the database server), "
                    + "%d acknowledged messages, %d stored, %d blocks%n", SEED, KILLS, serverKills, acknowledged.size(),
                    count(stack, "messages"), count(stack, "verification_blocks"));
        }
    }

    private static void verify(TestStack stack, Map<String, long[]> acknowledged) {
        acknowledged.forEach((id, ack) -> {
            AcceptedMessage m = stack.archive.message(CrashSender.APP, id);
            assertThat(m.seq()).as("seq of %s (seed %d)", id, SEED).isEqualTo(ack[0]);
            assertThat(m.journalLeafIndex()).as("journal entry of %s", id).contains(ack[1]);
        });
        long stored = count(stack, "messages");
        assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());
        List<VerificationBlock> blocks = stack.blocks.blocks(CrashSender.APP, 0, Long.MAX_VALUE);
        ChainAssertions.assertChain(blocks, 5, stored, block -> { });
        Map<String, Integer> accepted = new HashMap<>();
        List<String> sealed = new ArrayList<>();
        for (long i = 0; i < stack.journal.size(); i++) {
            AuditEvent event = stack.journal.entry(i).orElseThrow().event();
            if (event.type().equals("application.message-accepted")) {
                accepted.merge(event.attributes().get("message-id"), 1, Integer::sum);
            } else if (event.type().equals("application.block-sealed")) {
                sealed.add(event.payloadSha256().orElseThrow());
            }
        }
        assertThat(accepted).as("message-accepted entries (seed %d)", SEED).hasSize((int) stored).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
        assertThat(sealed).as("block-sealed entries in block order (seed %d)", SEED).containsExactlyElementsOf(blocks.stream().map(b -> b.blockHash().hex()).toList());
    }

    private static long count(TestStack stack, String table) {
        return stack.db.jdbi().withHandle(h -> h.createQuery("select count(*) from blocks." + table)
                .mapTo(Long.class).one());
    }

    /** SIGKILL of the embedded PostgreSQL server and its backends, when it runs. */
    private boolean killDatabaseServer() throws Exception {
        Path pidFile = dir.resolve("postgresql/postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return false;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).getFirst().trim());
        ProcessHandle server = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false)).orElse(null);
        if (server == null) {
            return false;
        }
        List<ProcessHandle> children = server.children().toList();
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
        }
        return true;
    }

    /** One child JVM and the acknowledgements it printed. */
    private static final class Child {
        private final Process process;
        private final CountDownLatch ready = new CountDownLatch(1);
        private final List<String> lines = new ArrayList<>();
        private final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = Thread.ofPlatform().daemon(true).start(this::read);
        }

        static Child start(Path data, String run) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    CrashSender.class.getName(), data.toString(), run);
            builder.redirectError(ProcessBuilder.Redirect.appendTo(data.resolve("child-stderr.log").toFile()));
            return new Child(builder.start());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("READY .")) {
                        ready.countDown();
                    } else {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                // the child was killed: what was read is kept
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }

        /** Complete {@code ACK} lines: message id to {seq, journal leaf}. */
        Map<String, long[]> acks() {
            Map<String, long[]> acks = new HashMap<>();
            synchronized (lines) {
                for (String line : lines) {
                    String[] parts = line.split(" ");
                    if (parts.length == 5 && parts[0].equals("ACK") && parts[4].equals(".")) {
                        acks.put(parts[1], new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])});
                    }
                }
            }
            return acks;
        }
    }
}
