package io.cairn.connector.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A transaction as the ledger reports it.
 *
 * @param ledgerId      the ledger
 * @param transactionId the ledger's id for it
 * @param outcome       whether it is pending, applied or failed
 * @param blockNumber   its block's height, once included
 * @param blockHash     its block's hash, once included
 * @param sender        the submitting account or identity, in the ledger's notation
 * @param target        the contract, chaincode or flow it addressed, when there is one
 */
public record LedgerTransaction(
        String ledgerId,
        String transactionId,
        Outcome outcome,
        Optional<Long> blockNumber,
        Optional<String> blockHash,
        String sender,
        Optional<String> target) {

    /** What became of a transaction. */
    public enum Outcome {
        /** Known to the node, not yet in a block. */
        PENDING,
        /** In a block and applied. */
        SUCCEEDED,
        /** In a block but reverted or marked invalid. */
        FAILED
    }

    /** Validates the transaction. */
    public LedgerTransaction {
        Objects.requireNonNull(ledgerId, "ledgerId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(blockNumber, "blockNumber");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(target, "target");
    }
}
