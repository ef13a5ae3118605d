package io.cairn.blocks;

import io.cairn.http.Json;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The child process of {@link MessageCrashTest}: opens the module on a data directory, then submits signed
 * messages from four threads while a fifth seals blocks, until it is killed. Prints {@code READY .} once and
 * {@code ACK <message id> <seq> <journal leaf> .} for every acknowledged message, flushed line by line.
 */
public final class CrashSender {
    static final String APP = "crash.app";
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
            StandardCharsets.UTF_8);

    private CrashSender() {
    }

    /**
     * Runs until killed.
     *
     * @param args data directory, run name
     */
    public static void main(String[] args) {
        TestStack stack = new TestStack(Path.of(args[0]), PayloadCipher.plaintext(), Clock.systemUTC());
        TestSigner signer = TestSigner.generate();
        stack.senders.put("LEI-A", new Sender("LEI-A", true, List.of(signer.address())));
        stack.registry.define(Json.mapper().convertValue(BlocksScenarioTest.app(APP, List.of(), "PT1S", 5, false),
                ApplicationDefinition.class), "admin");
        print("READY .");
        Thread.ofPlatform().daemon(true).start(() -> seal(stack));
        for (int t = 0; t < 4; t++) {
            String prefix = args[1] + "-" + t + "-";
            Thread.ofPlatform().start(() -> send(stack, signer, prefix));
        }
    }

    private static void send(TestStack stack, TestSigner signer, String prefix) {
        for (long n = 0; ; n++) {
            byte[] payload = ("{\"amount\":" + (n + 1) + ",\"currency\":\"EUR\"}").getBytes(StandardCharsets.UTF_8);
            String id = prefix + n;
            try {
                AcceptedMessage m = stack.intake.accept(APP, new MessageSubmission("LEI-A",
                        Base64.getEncoder().encodeToString(payload), signer.sign(payload), id), "member-user").message();
                print("ACK " + id + " " + m.seq() + " " + m.journalLeafIndex().orElseThrow() + " .");
            } catch (RuntimeException e) {
                print("ERR " + id + " " + e.getMessage());
            }
        }
    }

    private static void seal(TestStack stack) {
        while (true) {
            try {
                stack.sealer.sealDue(Instant.now());
                Thread.sleep(50);
            } catch (RuntimeException e) {
                print("SEAL-ERR " + e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void print(String line) {
        synchronized (OUT) {
            OUT.print(line + "\n");
            OUT.flush();
        }
    }
}
