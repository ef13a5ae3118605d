package io.cairn.anchoring;

import io.cairn.connector.spi.AnchorReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Stands in for the verification-blocks module on both seams: a {@link BlockFeed} of blocks per ledger that
 * stops offering a block once it is reported anchored there (and offers it again when reported broken), and a
 * recording {@link AnchorOutcomes}.
 */
final class TestFeed implements BlockFeed, AnchorOutcomes {
    private final Map<String, List<PendingBlock>> blocks = new HashMap<>();
    private final Set<String> anchored = new HashSet<>();
    private final List<String> calls = new ArrayList<>();
    private final Random random;
    private volatile boolean failing;

    TestFeed(long seed) {
        random = new Random(seed);
    }

    /** Adds a block of {@code app} for every ledger given, with a replayable random hash. */
    synchronized PendingBlock add(String app, long seq, Instant sealedAt, String... ledgers) {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        PendingBlock block = new PendingBlock(app, seq, hash, sealedAt);
        for (String ledger : ledgers) {
            blocks.computeIfAbsent(ledger, l -> new ArrayList<>()).add(block);
        }
        return block;
    }

    @Override
    public synchronized List<PendingBlock> pendingFor(String ledger, int limit) {
        return blocks.getOrDefault(ledger, List.of()).stream()
                .filter(b -> !anchored.contains(key(b.app(), b.seq(), ledger)))
                .sorted(Comparator.comparing(PendingBlock::sealedAt)).limit(limit).toList();
    }

    /** Makes every outcome call throw, as an unavailable blocks module would. */
    void failing(boolean value) {
        failing = value;
    }

    private void failIfAsked() {
        if (failing) {
            throw new IllegalStateException("blocks module unavailable");
        }
    }

    @Override
    public synchronized void anchored(String app, long seq, String ledger, AnchorReceipt receipt, Instant at) {
        failIfAsked();
        anchored.add(key(app, seq, ledger));
        calls.add("anchored " + key(app, seq, ledger) + " " + receipt.transactionId());
    }

    @Override
    public synchronized void finalised(String app, long seq, String ledger, AnchorReceipt receipt, Instant at) {
        failIfAsked();
        calls.add("final " + key(app, seq, ledger) + " " + receipt.transactionId());
    }

    @Override
    public synchronized void broken(String app, long seq, String ledger, String reason, Instant at) {
        failIfAsked();
        anchored.remove(key(app, seq, ledger));
        calls.add("broken " + key(app, seq, ledger));
    }

    /** Outcome calls for one block on one ledger, in order, without transaction ids. */
    synchronized List<String> callsFor(String app, long seq, String ledger) {
        String key = key(app, seq, ledger);
        return calls.stream().filter(c -> c.contains(" " + key)).map(c -> c.substring(0, c.indexOf(' '))).toList();
    }

    private static String key(String app, long seq, String ledger) {
        return app + "#" + seq + "@" + ledger;
    }
}
