package io.cairn.appliance;

import io.cairn.anchoring.AnchorOutcomes;
import io.cairn.anchoring.BlockFeed;
import io.cairn.anchoring.PendingBlock;
import io.cairn.blocks.BlockAnchors;
import io.cairn.blocks.VerificationBlocks;
import io.cairn.connector.spi.AnchorReceipt;
import java.time.Instant;
import java.util.List;

/**
 * The anchoring pipeline's view of the verification blocks: which blocks wait for an anchor on a ledger
 * ({@link BlockFeed}), and where each anchor's state is recorded ({@link AnchorOutcomes}).
 */
final class BlockAnchoring implements BlockFeed, AnchorOutcomes {
    private final BlockAnchors anchors;
    private final VerificationBlocks blocks;

    BlockAnchoring(BlockAnchors anchors, VerificationBlocks blocks) {
        this.anchors = anchors;
        this.blocks = blocks;
    }

    @Override
    public List<PendingBlock> pendingFor(String ledger, int limit) {
        return anchors.pendingFor(ledger, limit).stream().map(p -> new PendingBlock(p.application(), p.blockSeq(),
                p.digest().bytes(), blocks.require(p.application(), p.blockSeq()).createdAt())).toList();
    }

    @Override
    public void anchored(String app, long seq, String ledger, AnchorReceipt receipt, Instant at) {
        anchors.recordAnchored(app, seq, ledger, receipt.transactionId(), receipt.blockNumber(), at);
    }

    @Override
    public void finalised(String app, long seq, String ledger, AnchorReceipt receipt, Instant at) {
        anchors.recordFinal(app, seq, ledger, receipt.transactionId(), at);
    }

    /** A block whose anchor was never recorded has nothing to mark broken: it is simply anchored again. */
    @Override
    public void broken(String app, long seq, String ledger, String reason, Instant at) {
        if (blocks.anchors(app, seq).stream().anyMatch(a -> a.ledger().equals(ledger))) {
            anchors.recordBroken(app, seq, ledger, reason, at);
        }
    }
}
