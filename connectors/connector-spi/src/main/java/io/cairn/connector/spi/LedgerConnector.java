package io.cairn.connector.spi;

import java.util.List;
import java.util.Optional;

/**
 * A connection to one ledger: anchoring, verification, reads, health and event streaming.
 *
 * <p>Implementations are thread-safe: several anchors may be in flight at once. Failures a user can see
 * are {@link io.cairn.kernel.CairnException}s with a {@code CAIRN-LEDGER-*} code.
 */
public interface LedgerConnector extends AutoCloseable {

    /** The id this ledger is configured under. */
    String ledgerId();

    /** How this ledger reaches finality. */
    FinalityModel finality();

    /**
     * Writes a hash pointer to the ledger in a transaction built by the connector and signed through
     * its {@link TransactionSigner}, and waits until the transaction is in a block.
     *
     * <p>Anchoring is not idempotent: callers that may retry check {@link #findAnchors(HashPointer)} first.
     *
     * @return where the anchor landed (not necessarily final yet)
     */
    AnchorReceipt anchor(HashPointer hashPointer);

    /** Re-reads the ledger to tell whether the receipt's anchor is still there, and how settled it is. */
    AnchorStatus verifyAnchor(AnchorReceipt receipt);

    /**
     * Every anchor of exactly this hash pointer (digest, application and sequence) that this connector's
     * identity wrote and that is on the canonical chain, oldest first. More than one means it was anchored
     * twice.
     */
    List<AnchorReceipt> findAnchors(HashPointer hashPointer);

    /** A transaction by id, empty when the ledger does not know it. */
    Optional<LedgerTransaction> transaction(String transactionId);

    /** Checks the ledger now; never throws for an unreachable ledger (reports DOWN instead). */
    LedgerHealth health();

    /** A checkpoint at the ledger's current head: subscribing from it delivers only later events. */
    Checkpoint headCheckpoint();

    /**
     * Starts delivering events after {@code from} to {@code sink}, in order and exactly once (see
     * {@link LedgerEventSink}). Delivery runs on a connector-owned thread until the subscription is closed
     * or fails.
     */
    EventSubscription subscribe(Checkpoint from, LedgerEventSink sink);

    /** Releases connections and stops subscriptions. */
    @Override
    void close();
}
