package io.cairn.journal;

import io.cairn.audit.spi.SoftwareCheckpointSigner;
import io.cairn.kernel.CairnException;
import io.cairn.storage.Database;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Semaphore;

/**
 * The child process of the crash test: opens the journal of a data directory, signs a checkpoint (which
 * verifies consistency with the previous one), then appends as fast as it can until it is killed,
 * printing {@code ACK <leaf index> <key> .} for every acknowledged append, flushed line by line.
 */
public final class CrashAppender {
    private static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
            false, StandardCharsets.UTF_8);

    private CrashAppender() {
    }

    /**
     * Runs until killed.
     *
     * @param args data directory, run name
     * @throws InterruptedException never in practice
     */
    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        String run = args[1];
        Database db = TestDatabase.open(data);
        JournalSettings settings = JournalSettings.defaults("crash.test/journal");
        PostgresJournal journal = PostgresJournal.open(db.dataSource(), settings);
        CheckpointLog checkpoints = new CheckpointLog(journal, SoftwareCheckpointSigner.generate("crash-" + run),
                settings, Clock.systemUTC());
        try {
            Checkpoint checkpoint = checkpoints.create();
            print("CHECKPOINT " + checkpoint.treeSize() + " " + checkpoint.root().base64() + " .");
        } catch (CairnException e) {
            print("CHECKPOINT-FAILED " + e.getMessage());
        }
        String port = db.description().replaceAll(".*127\\.0\\.0\\.1:(\\d+).*", "$1");
        print("READY " + port + " .");
        Semaphore inFlight = new Semaphore(256);
        for (long seq = 0; ; seq++) {
            inFlight.acquire();
            String key = run + "-" + seq;
            journal.appendAsync(Events.keyed(key, (int) seq)).whenComplete((receipt, failure) -> {
                inFlight.release();
                if (receipt != null) {
                    print("ACK " + receipt.leafIndex() + " " + key + " .");
                } else {
                    print("ERR " + key + " " + failure);
                }
            });
        }
    }

    private static void print(String line) {
        synchronized (OUT) {
            OUT.print(line + "\n");
            OUT.flush();
        }
    }
}
