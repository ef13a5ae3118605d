package io.cairn.connector.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event observed on a ledger, normalised for the messaging layer.
 *
 * <p>Events of one subscription are delivered in ledger order: by block number, then position.
 *
 * @param ledgerId      the ledger it was observed on
 * @param blockNumber   height of its block
 * @param blockHash     hash of its block
 * @param position      position inside the block (EVM log index, Fabric transaction index, ...)
 * @param transactionId the transaction that produced it
 * @param type          the ledger-side event name, e.g. {@code Anchored}
 * @param anchor        the hash pointer, when the event is an anchor written through Cairn's contract
 * @param attributes    further ledger-specific fields as text (emitter, submitter, raw topics, ...)
 */
public record LedgerEvent(
        String ledgerId,
        long blockNumber,
        String blockHash,
        long position,
        String transactionId,
        String type,
        Optional<HashPointer> anchor,
        Map<String, String> attributes) {

    /** Validates the event and copies the attributes. */
    public LedgerEvent {
        Objects.requireNonNull(ledgerId, "ledgerId");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(anchor, "anchor");
        attributes = Map.copyOf(attributes);
        if (blockNumber < 0 || position < 0) {
            throw new IllegalArgumentException("block number and position are not negative");
        }
    }
}
