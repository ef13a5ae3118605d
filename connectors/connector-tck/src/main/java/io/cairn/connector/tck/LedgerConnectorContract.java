package io.cairn.connector.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.AnchorStatus;
import io.cairn.connector.spi.Checkpoint;
import io.cairn.connector.spi.EventSubscription;
import io.cairn.connector.spi.HashPointer;
import io.cairn.connector.spi.LedgerConnector;
import io.cairn.connector.spi.LedgerEvent;
import io.cairn.connector.spi.LedgerHealth;
import io.cairn.connector.spi.LedgerTransaction;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LedgerConnector} passes against a real node.
 *
 * <p>Subclasses provide a connector to a live ledger, one to an endpoint where nothing listens, and hooks
 * to make the ledger produce blocks and, optionally, reorganise. Tests create their own hash pointers
 * under a per-instance application id, so they tolerate other traffic on the ledger.
 */
public abstract class LedgerConnectorContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String application = "tck-" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
    private final AtomicLong sequence = new AtomicLong();

    /** A connector to a live ledger; the same instance may be returned on every call. */
    protected abstract LedgerConnector connector();

    /** A connector configured like {@link #connector()} but pointing at an endpoint where nothing listens. */
    protected abstract LedgerConnector unreachableConnector();

    /** Makes the ledger produce {@code blocks} more blocks and returns once they exist (waits on BFT ledgers). */
    protected abstract void produceBlocks(int blocks);

    /** The reorganisation capability, when the ledger under test allows it. */
    protected Optional<ReorgSimulator> reorgSimulator() {
        return Optional.empty();
    }

    /** How long to wait for anything asynchronous. */
    protected Duration patience() {
        return Duration.ofSeconds(30);
    }

    /** A fresh hash pointer of this test instance's application. */
    protected final HashPointer newPointer() {
        byte[] digest = new byte[HashPointer.DIGEST_LENGTH];
        RANDOM.nextBytes(digest);
        return new HashPointer(digest, application, sequence.getAndIncrement());
    }

    @Test
    void anchorReturnsReceiptThatBecomesFinal() {
        HashPointer pointer = newPointer();
        AnchorReceipt receipt = connector().anchor(pointer);

        assertThat(receipt.ledgerId()).isEqualTo(connector().ledgerId());
        assertThat(receipt.hashPointer()).isEqualTo(pointer);
        assertThat(connector().verifyAnchor(receipt))
                .isInstanceOfAny(AnchorStatus.Confirmed.class, AnchorStatus.Final.class);

        await("anchor becomes final", () -> {
            AnchorStatus status = connector().verifyAnchor(receipt);
            if (!status.isFinal()) {
                produceBlocks(1);
            }
            return status.isFinal();
        });
        AnchorStatus settled = connector().verifyAnchor(receipt);
        assertThat(settled).isInstanceOf(AnchorStatus.Final.class);
        assertThat(connector().finality().isFinal(((AnchorStatus.Final) settled).confirmations())).isTrue();
    }

    @Test
    void confirmationsGrowWithTheChain() {
        AnchorReceipt receipt = connector().anchor(newPointer());
        long before = confirmations(connector().verifyAnchor(receipt));
        produceBlocks(2);
        assertThat(confirmations(connector().verifyAnchor(receipt))).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void anchoringTheSamePointerTwiceIsDetectable() {
        HashPointer pointer = newPointer();
        assertThat(connector().findAnchors(pointer)).isEmpty();

        AnchorReceipt first = connector().anchor(pointer);
        assertThat(connector().findAnchors(pointer)).containsExactly(first);

        AnchorReceipt second = connector().anchor(pointer);
        assertThat(second.transactionId()).isNotEqualTo(first.transactionId());
        assertThat(connector().findAnchors(pointer)).containsExactly(first, second);
    }

    @Test
    void findAnchorsDistinguishesApplicationAndSequence() {
        HashPointer pointer = newPointer();
        connector().anchor(pointer);
        HashPointer sameDigestOtherSeq = new HashPointer(pointer.digest(), pointer.application(),
                pointer.blockSeq() + 1_000_000);
        HashPointer sameDigestOtherApp = new HashPointer(pointer.digest(), "other-" + application, pointer.blockSeq());

        assertThat(connector().findAnchors(sameDigestOtherSeq)).isEmpty();
        assertThat(connector().findAnchors(sameDigestOtherApp)).isEmpty();
    }

    @Test
    void transactionOfAReceiptIsReadable() {
        AnchorReceipt receipt = connector().anchor(newPointer());

        Optional<LedgerTransaction> tx = connector().transaction(receipt.transactionId());

        assertThat(tx).isPresent();
        assertThat(tx.get().outcome()).isEqualTo(LedgerTransaction.Outcome.SUCCEEDED);
        assertThat(tx.get().blockNumber()).contains(receipt.blockNumber());
        assertThat(tx.get().blockHash()).contains(receipt.blockHash());
    }

    @Test
    void unknownTransactionIsEmpty() {
        String unknown = "0x" + HexFormat.of().formatHex(RANDOM.generateSeed(32));
        assertThat(connector().transaction(unknown)).isEmpty();
    }

    @Test
    void eventsArriveInLedgerOrderExactlyOnce() {
        Checkpoint start = connector().headCheckpoint();
        List<AnchorReceipt> receipts = anchorSeveral(4);
        RecordingSink sink = new RecordingSink(start);

        try (EventSubscription subscription = connector().subscribe(start, sink)) {
            awaitAllDelivered(sink, receipts);
            assertThat(subscription.state()).isEqualTo(EventSubscription.State.RUNNING);
        }

        assertThat(pointersOf(ours(sink.committed()))).containsExactlyElementsOf(pointersInLedgerOrder(receipts));
        assertCheckpointsAdvanceMonotonically(start, sink);
    }

    @Test
    void resumingFromAStoredCheckpointLeavesNoGapAndNoDuplicate() {
        Checkpoint start = connector().headCheckpoint();
        RecordingSink sink = new RecordingSink(start);
        List<AnchorReceipt> all = new ArrayList<>();

        try (EventSubscription first = connector().subscribe(start, sink)) {
            all.addAll(anchorSeveral(3));
            awaitAllDelivered(sink, all);
            assertThat(first.state()).isEqualTo(EventSubscription.State.RUNNING);
        }
        all.addAll(anchorSeveral(3));
        try (EventSubscription second = connector().subscribe(sink.checkpoint(), sink)) {
            all.addAll(anchorSeveral(2));
            awaitAllDelivered(sink, all);
            assertThat(second.state()).isEqualTo(EventSubscription.State.RUNNING);
        }

        assertThat(pointersOf(ours(sink.committed()))).containsExactlyElementsOf(pointersInLedgerOrder(all));
        assertCheckpointsAdvanceMonotonically(start, sink);
    }

    @Test
    void aRejectedBatchIsDeliveredAgain() {
        Checkpoint start = connector().headCheckpoint();
        List<AnchorReceipt> receipts = anchorSeveral(3);
        Set<HashPointer> expected = Set.copyOf(pointersOf(receipts));
        RecordingSink sink = new RecordingSink(start);
        sink.reject(2, batch -> batch.stream().anyMatch(e -> e.anchor().map(expected::contains).orElse(false)));

        try (EventSubscription subscription = connector().subscribe(start, sink)) {
            awaitAllDelivered(sink, receipts);
            assertThat(subscription.state()).isEqualTo(EventSubscription.State.RUNNING);
        }

        List<RecordingSink.Delivery> attempts = sink.attempts();
        int firstRejected = indexOfFirst(attempts, false);
        assertThat(firstRejected).as("a rejected delivery happened").isNotNegative();
        RecordingSink.Delivery rejected = attempts.get(firstRejected);
        assertThat(attempts.get(firstRejected + 1).batch()).isEqualTo(rejected.batch());
        assertThat(attempts.get(firstRejected + 1).next()).isEqualTo(rejected.next());
        assertThat(attempts.stream().filter(a -> !a.accepted()).count()).isEqualTo(2);
        assertThat(pointersOf(ours(sink.committed()))).containsExactlyElementsOf(pointersInLedgerOrder(receipts));
    }

    @Test
    void healthIsUpAgainstALiveNode() {
        LedgerHealth health = connector().health();
        assertThat(health.status()).isEqualTo(LedgerHealth.Status.UP);
        assertThat(health.headBlock()).isPresent();
    }

    @Test
    void healthIsDownAgainstADeadEndpoint() {
        try (LedgerConnector dead = unreachableConnector()) {
            LedgerHealth health = dead.health();
            assertThat(health.status()).isEqualTo(LedgerHealth.Status.DOWN);
            assertThat(health.headBlock()).isEmpty();
            assertThat(health.detail()).isPresent();
        }
    }

    @Test
    void anAnchorDroppedByAReorganisationIsNoLongerVerified() {
        assumeTrue(reorgSimulator().isPresent(), "the ledger under test cannot be reorganised on demand");
        ReorgSimulator reorgs = reorgSimulator().orElseThrow();
        HashPointer pointer = newPointer();
        ReorgSimulator.Mark mark = reorgs.mark();
        AnchorReceipt receipt = connector().anchor(pointer);

        reorgs.reorganiseSince(mark, (int) (receipt.blockNumber() - mark.height()) + 2);

        assertThat(connector().verifyAnchor(receipt))
                .isInstanceOfAny(AnchorStatus.Missing.class, AnchorStatus.Forked.class);
        assertThat(connector().findAnchors(pointer)).isEmpty();
    }

    @Test
    void aSubscriptionResumingFromAnOrphanedBlockReportsTheReorganisation() {
        assumeTrue(reorgSimulator().isPresent(), "the ledger under test cannot be reorganised on demand");
        ReorgSimulator reorgs = reorgSimulator().orElseThrow();
        ReorgSimulator.Mark mark = reorgs.mark();
        AnchorReceipt receipt = connector().anchor(newPointer());
        Checkpoint orphaned = Checkpoint.afterBlock(receipt.blockNumber(), receipt.blockHash());

        reorgs.reorganiseSince(mark, (int) (receipt.blockNumber() - mark.height()) + 2);
        RecordingSink sink = new RecordingSink(orphaned);
        try (EventSubscription subscription = connector().subscribe(orphaned, sink)) {
            await("reorganisation reported", () -> subscription.state() == EventSubscription.State.FAILED);
            assertThat(subscription.failure()).isPresent();
            assertThat(sink.reorganised()).contains(orphaned);
            assertThat(sink.committed()).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------------

    private List<AnchorReceipt> anchorSeveral(int count) {
        List<AnchorReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            receipts.add(connector().anchor(newPointer()));
        }
        return receipts;
    }

    private List<LedgerEvent> ours(List<LedgerEvent> events) {
        return events.stream()
                .filter(e -> e.anchor().map(p -> p.application().equals(application)).orElse(false))
                .toList();
    }

    private static List<HashPointer> pointersOf(List<?> items) {
        return items.stream().map(item -> switch (item) {
            case LedgerEvent event -> event.anchor().orElseThrow();
            case AnchorReceipt receipt -> receipt.hashPointer();
            default -> throw new IllegalArgumentException(item.toString());
        }).toList();
    }

    private static List<HashPointer> pointersInLedgerOrder(List<AnchorReceipt> receipts) {
        return receipts.stream()
                .sorted(Comparator.comparingLong(AnchorReceipt::blockNumber).thenComparingLong(AnchorReceipt::position))
                .map(AnchorReceipt::hashPointer)
                .toList();
    }

    private void awaitAllDelivered(RecordingSink sink, List<AnchorReceipt> receipts) {
        Set<HashPointer> wanted = Set.copyOf(pointersOf(receipts));
        await("all anchors delivered", () -> pointersOf(ours(sink.committed())).containsAll(wanted));
    }

    private static void assertCheckpointsAdvanceMonotonically(Checkpoint start, RecordingSink sink) {
        Checkpoint previous = start;
        for (RecordingSink.Delivery delivery : sink.attempts()) {
            if (!delivery.accepted()) {
                continue;
            }
            for (LedgerEvent event : delivery.batch()) {
                assertThat(previous.covers(event.blockNumber(), event.position()))
                        .as("event %s was delivered before", event).isFalse();
                assertThat(delivery.next().covers(event.blockNumber(), event.position()))
                        .as("checkpoint %s covers %s", delivery.next(), event).isTrue();
            }
            assertThat(delivery.next().blockNumber()).isGreaterThanOrEqualTo(previous.blockNumber());
            previous = delivery.next();
        }
    }

    private static int indexOfFirst(List<RecordingSink.Delivery> attempts, boolean accepted) {
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).accepted() == accepted) {
                return i;
            }
        }
        return -1;
    }

    private static long confirmations(AnchorStatus status) {
        return switch (status) {
            case AnchorStatus.Confirmed c -> c.confirmations();
            case AnchorStatus.Final f -> f.confirmations();
            default -> throw new AssertionError("anchor is neither confirmed nor final: " + status);
        };
    }

    /** Polls {@code condition} until it holds or {@link #patience()} runs out. */
    protected final void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience().toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
