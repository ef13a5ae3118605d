package io.cairn.connector.evm;

import io.cairn.connector.tck.ReorgSimulator;

/**
 * Reorganises an anvil chain for the TCK, either with {@code evm_snapshot}/{@code evm_revert} and fresh
 * blocks, or with {@code anvil_reorg} (same height, different blocks).
 */
final class AnvilReorgs implements ReorgSimulator {

    /** How the chain is reorganised. */
    enum Method { SNAPSHOT_REVERT, ANVIL_REORG }

    private final AnvilNode anvil;
    private final EvmLedgerConnector connector;
    private final Method method;

    AnvilReorgs(AnvilNode anvil, EvmLedgerConnector connector, Method method) {
        this.anvil = anvil;
        this.connector = connector;
        this.method = method;
    }

    @Override
    public Mark mark() {
        String id = method == Method.SNAPSHOT_REVERT ? anvil.snapshot() : "";
        return new Mark(id, anvil.blockNumber());
    }

    @Override
    public void reorganiseSince(Mark mark, int replacementBlocks) {
        long dropped = anvil.blockNumber() - mark.height();
        if (method == Method.SNAPSHOT_REVERT) {
            anvil.revert(mark.id());
            anvil.mine(replacementBlocks);
        } else {
            anvil.call("anvil_reorg", dropped, java.util.List.of());
            if (replacementBlocks > dropped) {
                anvil.mine((int) (replacementBlocks - dropped));
            }
        }
        connector.resynchroniseNonces();
    }
}
