package io.cairn.connector.spi;

import java.util.Objects;

/**
 * Where an anchor landed: enough to find it again and to tell whether its block is still canonical.
 *
 * @param ledgerId      the ledger the anchor was written to
 * @param transactionId the ledger's transaction id (an EVM transaction hash, a Fabric tx id, ...)
 * @param blockNumber   height of the block holding the transaction
 * @param blockHash     hash of that block as the connector saw it
 * @param position      position of the anchor inside the block (EVM log index, Fabric tx index, ...)
 * @param hashPointer   the anchored hash pointer
 */
public record AnchorReceipt(
        String ledgerId,
        String transactionId,
        long blockNumber,
        String blockHash,
        long position,
        HashPointer hashPointer) {

    /** Validates the receipt. */
    public AnchorReceipt {
        Objects.requireNonNull(ledgerId, "ledgerId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(hashPointer, "hashPointer");
        if (blockNumber < 0 || position < 0) {
            throw new IllegalArgumentException("block number and position are not negative");
        }
    }
}
