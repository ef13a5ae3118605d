package io.cairn.connector.spi;

import java.util.List;

/**
 * Receives a subscription's events.
 *
 * <p>Exactly-once delivery is a joint contract: the connector delivers batches in ledger order and
 * moves on only after {@link #deliver} returns normally; the sink stores {@code next} in the same
 * transaction as its own work on the batch and, after a restart, subscribes again from the stored
 * checkpoint. When {@link #deliver} throws, the connector delivers the same events again from the
 * last acknowledged checkpoint after a back-off, so a sink never sees an event twice unless it failed
 * to commit it.
 */
public interface LedgerEventSink {

    /**
     * Processes a batch. A batch may be empty: it then only moves the checkpoint forward.
     *
     * @param batch events in ledger order, none of them covered by the previous checkpoint
     * @param next  the checkpoint to store with the batch's effects
     * @throws RuntimeException to reject the batch; it is delivered again
     */
    void deliver(List<LedgerEvent> batch, Checkpoint next);

    /**
     * Called once when the connector finds that the block of the last acknowledged checkpoint is no
     * longer canonical; the subscription then stops with {@code LEDGER_REORG_DETECTED}. The consumer
     * decides how far back to resume (for anchors: re-verify and re-anchor what the orphaned blocks held).
     *
     * @param stale the checkpoint whose block was replaced
     */
    default void reorganised(Checkpoint stale) {
    }
}
