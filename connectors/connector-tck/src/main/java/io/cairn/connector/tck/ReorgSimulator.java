package io.cairn.connector.tck;

/**
 * Optional TCK capability: makes the ledger drop recent blocks and build different ones in their place.
 * Only ledgers under the test's control offer it (a development EVM node can, a BFT network cannot).
 */
public interface ReorgSimulator {

    /** An opaque point in the ledger's history to reorganise back to. */
    record Mark(String id, long height) {
    }

    /** Remembers the current head. */
    Mark mark();

    /**
     * Drops every block after {@code mark} and lets the ledger produce at least {@code replacementBlocks}
     * different blocks in their place. Transactions in the dropped blocks are discarded.
     */
    void reorganiseSince(Mark mark, int replacementBlocks);
}
