package io.cairn.anchoring;

import java.util.List;

/**
 * Where the pipeline learns which verification blocks to anchor: the verification-blocks module, wired by
 * the appliance.
 */
public interface BlockFeed {

    /**
     * Blocks of applications that anchor to {@code ledger} and are not yet anchored there (no anchor, or a
     * broken one), oldest first.
     *
     * @param ledger the ledger's registered name
     * @param limit  most blocks to return
     */
    List<PendingBlock> pendingFor(String ledger, int limit);
}
