package io.cairn.evidence;

import io.cairn.audit.spi.AuditEvent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A journal and blocks as an appliance would hold them: messages of two applications, blocks of five
 * messages sealed and journaled, anchors on an EVM ledger, and checkpoints every so often.
 */
final class EvidenceScenario {
    static final String APP = "payments";
    static final String OTHER_APP = "trade-docs";
    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    final TestJournal journal = new TestJournal();
    final TestBlocks blocks = new TestBlocks();
    final List<BlockRecord> sealed = new ArrayList<>();
    Instant end;

    /** Builds {@code messages} messages of the application (and as many of another one). */
    static EvidenceScenario build(int messages, long seed) {
        return build(messages, seed, 5, 17);
    }

    /**
     * Builds a scenario.
     *
     * @param messages        messages of the application (and as many of another one)
     * @param seed            random seed of digests and times
     * @param blockSize       messages per block
     * @param checkpointEvery messages between checkpoints
     * @return the scenario
     */
    static EvidenceScenario build(int messages, long seed, int blockSize, int checkpointEvery) {
        EvidenceScenario scenario = new EvidenceScenario();
        scenario.fill(messages, new Random(seed), blockSize, checkpointEvery);
        return scenario;
    }

    private void fill(int messages, Random random, int blockSize, int checkpointEvery) {
        Instant now = START;
        List<byte[]> pending = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            now = now.plusMillis(1 + random.nextInt(900));
            byte[] digest = digest(random);
            journal.append(message(APP, i, digest, now), now);
            journal.append(message(OTHER_APP, i, digest(random), now), now);
            pending.add(digest);
            if (pending.size() == blockSize) {
                now = now.plusMillis(7);
                seal(pending, now, random);
                pending.clear();
            }
            if (i % checkpointEvery == checkpointEvery - 1) {
                journal.checkpoint(now.plusMillis(3));
            }
        }
        end = now.plusSeconds(1);
        boolean grew = journal.checkpoints().isEmpty()
                || journal.checkpoints().get(journal.checkpoints().size() - 1).treeSize() < journal.size();
        if (grew) {
            journal.checkpoint(end);
        } else {
            end = journal.checkpoints().get(journal.checkpoints().size() - 1).timestamp().plusMillis(1);
        }
    }

    private void seal(List<byte[]> digests, Instant at, Random random) {
        BlockRecord block = blocks.seal(APP, digests, at);
        sealed.add(block);
        journal.append(AuditEvent.of(BundleLayout.BLOCK_SEALED, "system:blocks", "application:" + APP, at)
                .withPayloadSha256(block.blockHash()).withAttribute("app", APP)
                .withAttribute("seq", Long.toString(block.seq())), at.plusMillis(1));
        String tx = "0x" + java.util.HexFormat.of().formatHex(digest(random));
        blocks.anchor(block, new AnchorRecord("besu-main", "evm", tx, 100 + block.seq(), "final", at.plusSeconds(2)));
    }

    private static AuditEvent message(String app, int n, byte[] digest, Instant at) {
        return AuditEvent.of("application.message-accepted", "member:bank-" + (n % 3), "application:" + app, at)
                .withPayloadSha256(java.util.HexFormat.of().formatHex(digest))
                .withIdempotencyKey(app + "-" + n).withAttribute("app", app)
                .withAttribute("message-id", "m-" + n);
    }

    private static byte[] digest(Random random) {
        byte[] seed = new byte[16];
        random.nextBytes(seed);
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exporter over this scenario. */
    EvidenceExporter exporter() {
        return new EvidenceExporter(journal, blocks, EvidenceSettings.defaults());
    }

    /** The scope of everything. */
    EvidenceScope scope(boolean redacted) {
        return new EvidenceScope(APP, START, end, redacted);
    }

    /** Window length, for scopes of part of the scenario. */
    Duration length() {
        return Duration.between(START, end);
    }
}
