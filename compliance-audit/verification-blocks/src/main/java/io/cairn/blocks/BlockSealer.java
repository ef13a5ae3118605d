package io.cairn.blocks;

import io.cairn.audit.spi.AuditJournal;
import io.cairn.audit.spi.JournalReceipt;
import io.cairn.merkle.Hash;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Seals accepted messages into verification blocks, per application, in message order.
 *
 * <p>A block is sealed when the oldest unsealed message is at least the application's block interval old or
 * when its maximum block size of messages wait; a block is never empty. Each block is sealed in one transaction
 * holding a per-application advisory lock, and {@code (app, seq)} is unique, so appliances racing to seal produce
 * every block exactly once. Messages are journaled before they are sealed, and every sealed block is journaled
 * ({@code application.block-sealed}); both are retried on the next run when a journal append did not complete.
 * A block is only sealed once every earlier block of its application is journaled, under the same lock, so the
 * journal records the blocks of an application in sequence order.
 */
public final class BlockSealer {
    private final Jdbi jdbi;
    private final ApplicationRegistry registry;
    private final MessageIntake intake;
    private final AuditJournal journal;

    /**
     * Creates the sealer.
     *
     * @param jdbi     database migrated with {@link BlocksDatabase#MIGRATION}
     * @param registry applications
     * @param intake   journals messages whose acceptance did not reach the journal
     * @param journal  where sealed blocks are recorded
     */
    public BlockSealer(Jdbi jdbi, ApplicationRegistry registry, MessageIntake intake, AuditJournal journal) {
        this.jdbi = jdbi;
        this.registry = registry;
        this.intake = intake;
        this.journal = journal;
    }

    /**
     * Seals every block that is due at {@code now} (the appliance calls this every second on the leader).
     *
     * @param now the current time
     * @return the blocks sealed by this call, in order per application
     */
    public List<VerificationBlock> sealDue(Instant now) {
        List<VerificationBlock> sealed = new ArrayList<>();
        for (String appId : SqlValues.run(() -> jdbi.withHandle(MessageRows::appsWithUnsealed))) {
            Application app = registry.require(appId);
            for (Optional<VerificationBlock> block = sealNext(app, now); block.isPresent(); block = sealNext(app, now)) {
                sealed.add(block.get());
            }
        }
        journalUnjournaledBlocks();
        return sealed;
    }

    private Optional<VerificationBlock> sealNext(Application app, Instant now) {
        SqlValues.run(() -> jdbi.withHandle(h -> MessageRows.unjournaled(h, app.id(), app.maxBlockSize())))
                .forEach(intake::journaled);
        Optional<VerificationBlock> block = SqlValues.run(() -> jdbi.inTransaction(h -> seal(h, app, now)));
        block.ifPresent(b -> SqlValues.run(() -> jdbi.inTransaction(h -> journalBlocks(h, b.app()))));
        return block;
    }

    private Optional<VerificationBlock> seal(Handle h, Application app, Instant now) {
        journalBlocks(h, app.id());
        List<AcceptedMessage> waiting = journaledPrefix(MessageRows.unsealed(h, app.id(), app.maxBlockSize()));
        if (waiting.isEmpty() || !due(app, waiting, now)) {
            return Optional.empty();
        }
        Optional<VerificationBlock> previous = BlockRows.last(h, app.id());
        long expectedFirst = previous.map(p -> p.lastMessageSeq() + 1).orElse(0L);
        if (waiting.getFirst().seq() != expectedFirst) {
            throw new IllegalStateException("application " + app.id() + ": the first unsealed message is "
                    + waiting.getFirst().seq() + ", expected " + expectedFirst);
        }
        VerificationBlock block = build(app.id(), previous, waiting, now);
        BlockRows.insert(h, block);
        return Optional.of(block);
    }

    /**
     * Takes the application's sealing lock and journals its blocks not yet journaled, in order; a journal entry
     * that already exists (an earlier attempt committed) is answered again, not duplicated.
     */
    private Void journalBlocks(Handle h, String app) {
        BlockRows.lockForSealing(h, app);
        for (VerificationBlock block : BlockRows.unjournaled(h, app)) {
            JournalReceipt receipt = journal.append(JournalEvents.blockSealed(block));
            BlockRows.markJournaled(h, block.app(), block.seq(), receipt.leafIndex());
        }
        return null;
    }

    /** The waiting messages up to the first one not yet journaled (it is sealed once journaled). */
    private static List<AcceptedMessage> journaledPrefix(List<AcceptedMessage> unsealed) {
        int end = 0;
        while (end < unsealed.size() && unsealed.get(end).journalLeafIndex().isPresent()) {
            end++;
        }
        return unsealed.subList(0, end);
    }

    /** Whether the waiting messages make a block due now. */
    static boolean due(Application app, List<AcceptedMessage> waiting, Instant now) {
        return waiting.size() >= app.maxBlockSize()
                || !waiting.getFirst().acceptedAt().plus(app.blockInterval()).isAfter(now);
    }

    /** The next block over the given messages; its time never goes back behind the previous block's. */
    static VerificationBlock build(String app, Optional<VerificationBlock> previous, List<AcceptedMessage> messages,
                                   Instant now) {
        long seq = previous.map(p -> p.seq() + 1).orElse(0L);
        Hash prev = previous.map(VerificationBlock::blockHash).orElse(BlockHashing.GENESIS_PREVIOUS);
        Instant createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        if (previous.isPresent() && createdAt.isBefore(previous.get().createdAt())) {
            createdAt = previous.get().createdAt();
        }
        Hash root = BlockHashing.merkleRoot(messages.stream().map(AcceptedMessage::digest).toList());
        int entries = messages.size();
        return new VerificationBlock(app, seq, prev, root, entries, messages.getFirst().seq(),
                messages.getLast().seq(), createdAt, BlockHashing.blockHash(app, seq, prev, root, entries, createdAt),
                BlockStatus.PENDING);
    }

    private void journalUnjournaledBlocks() {
        for (String app : SqlValues.run(() -> jdbi.withHandle(BlockRows::appsWithUnjournaled))) {
            SqlValues.run(() -> jdbi.inTransaction(h -> journalBlocks(h, app)));
        }
    }
}
