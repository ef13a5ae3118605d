package io.cairn.anchoring;

import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.AnchorStatus;
import io.cairn.connector.spi.Checkpoint;
import io.cairn.connector.spi.EventSubscription;
import io.cairn.connector.spi.FinalityModel;
import io.cairn.connector.spi.HashPointer;
import io.cairn.connector.spi.LedgerConnector;
import io.cairn.connector.spi.LedgerEventSink;
import io.cairn.connector.spi.LedgerHealth;
import io.cairn.connector.spi.LedgerTransaction;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory ledger whose answers a test scripts: which status a receipt verifies to, whether sends fail or
 * hang; it records every anchor sent. For the paths a real node cannot be made to take on demand (a
 * re-included transaction, a submission that outlives the submit timeout).
 */
final class ScriptedLedger implements LedgerConnector {
    private final String id;
    private final List<AnchorReceipt> chain = new ArrayList<>();
    private final Map<String, AnchorStatus> statuses = new HashMap<>();
    private int sends;
    private volatile boolean down;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    ScriptedLedger(String id) {
        this.id = id;
    }

    synchronized int sends() {
        return sends;
    }

    /** From now on the anchor in transaction {@code txId} verifies to {@code status}. */
    synchronized void status(String txId, AnchorStatus status) {
        statuses.put(txId, status);
    }

    /** The anchor in transaction {@code txId} (sent later, or now) is gone: Missing, and not found. */
    synchronized void vanish(String txId) {
        statuses.put(txId, new AnchorStatus.Missing("transaction " + txId + " unknown"));
        chain.removeIf(r -> r.transactionId().equals(txId));
    }

    /** Removes a receipt from the canonical chain (findAnchors no longer returns it). */
    synchronized void drop(AnchorReceipt receipt) {
        chain.remove(receipt);
    }

    /** Adds a receipt to the canonical chain. */
    synchronized void add(AnchorReceipt receipt) {
        chain.add(receipt);
    }

    void down(boolean value) {
        down = value;
    }

    /** Makes the next sends wait until {@link #release()}. */
    void holdSends() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    @Override
    public String ledgerId() {
        return id;
    }

    @Override
    public FinalityModel finality() {
        return FinalityModel.bftInstant();
    }

    @Override
    public AnchorReceipt anchor(HashPointer pointer) {
        failWhenDown();
        try {
            if (!hold.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            sends++;
            AnchorReceipt receipt = new AnchorReceipt(id, "0xtx" + sends, 100 + sends, "0xblock" + sends, 0, pointer);
            if (!(statuses.get(receipt.transactionId()) instanceof AnchorStatus.Missing)) {
                chain.add(receipt);
            }
            return receipt;
        }
    }

    @Override
    public synchronized AnchorStatus verifyAnchor(AnchorReceipt receipt) {
        failWhenDown();
        return statuses.getOrDefault(receipt.transactionId(), new AnchorStatus.Final(1));
    }

    @Override
    public synchronized List<AnchorReceipt> findAnchors(HashPointer pointer) {
        failWhenDown();
        return chain.stream().filter(r -> r.hashPointer().equals(pointer)).toList();
    }

    private void failWhenDown() {
        if (down) {
            throw new CairnException(ErrorCode.LEDGER_UNREACHABLE, "scripted ledger " + id + " is down");
        }
    }

    @Override
    public Optional<LedgerTransaction> transaction(String transactionId) {
        return Optional.empty();
    }

    @Override
    public LedgerHealth health() {
        return new LedgerHealth(down ? LedgerHealth.Status.DOWN : LedgerHealth.Status.UP, Optional.of(1L),
                Duration.ZERO, Optional.empty());
    }

    @Override
    public Checkpoint headCheckpoint() {
        throw new UnsupportedOperationException("not used by the pipeline");
    }

    @Override
    public EventSubscription subscribe(Checkpoint from, LedgerEventSink sink) {
        throw new UnsupportedOperationException("not used by the pipeline");
    }

    @Override
    public void close() {
        release();
    }
}
