package io.cairn.connector.spi;

import java.util.Optional;

/**
 * What {@link LedgerConnector#verifyAnchor(AnchorReceipt)} found on the ledger for one receipt.
 */
public sealed interface AnchorStatus {

    /** Whether the anchor is final under the ledger's finality model. */
    default boolean isFinal() {
        return this instanceof Final;
    }

    /** The transaction is known to the node but not yet in a block. */
    record Pending() implements AnchorStatus {
    }

    /**
     * The transaction is in the receipt's block, which is canonical, but not yet final.
     *
     * @param confirmations blocks on top of and including the anchor's block
     */
    record Confirmed(long confirmations) implements AnchorStatus {
    }

    /**
     * The anchor is in the receipt's canonical block and final.
     *
     * @param confirmations blocks on top of and including the anchor's block
     */
    record Final(long confirmations) implements AnchorStatus {
    }

    /**
     * The ledger no longer holds the anchor: the chain is shorter than the receipt's height, or the
     * transaction is unknown, or its block no longer carries the hash pointer.
     *
     * @param reason what was observed, for operators
     */
    record Missing(String reason) implements AnchorStatus {
    }

    /**
     * The block at the receipt's height is no longer the block the receipt names: the anchor landed on the
     * losing side of a fork.
     *
     * @param canonicalBlockHash hash of the block now at that height
     * @param reincluded         where the same transaction sits now, when the ledger re-included it
     */
    record Forked(String canonicalBlockHash, Optional<AnchorReceipt> reincluded) implements AnchorStatus {
    }
}
