package io.cairn.connector.spi;

/**
 * How a ledger decides that an included transaction can no longer be reverted.
 */
public sealed interface FinalityModel {

    /**
     * Whether a transaction with the given number of confirmations is final.
     *
     * @param confirmations blocks on top of and including the transaction's block (1 = just included)
     */
    boolean isFinal(long confirmations);

    /** Byzantine-fault-tolerant consensus (QBFT, IBFT 2.0, Raft/BFT orderers, notaries): final once included. */
    static FinalityModel bftInstant() {
        return new BftInstant();
    }

    /** Probabilistic or proof-of-authority chains (Clique, PoW): final after {@code confirmations} blocks. */
    static FinalityModel depth(int confirmations) {
        return new Depth(confirmations);
    }

    /** Final as soon as the transaction is in a block. */
    record BftInstant() implements FinalityModel {
        @Override
        public boolean isFinal(long confirmations) {
            return confirmations >= 1;
        }
    }

    /**
     * Final once {@code confirmations} blocks (including the transaction's own) are on the chain.
     *
     * @param confirmations required confirmations, at least 1
     */
    record Depth(int confirmations) implements FinalityModel {
        /** Validates the depth. */
        public Depth {
            if (confirmations < 1) {
                throw new IllegalArgumentException("finality depth is at least 1: " + confirmations);
            }
        }

        @Override
        public boolean isFinal(long seen) {
            return seen >= confirmations;
        }
    }
}
