package io.cairn.appliance;

import io.cairn.blocks.BlockAnchor;
import io.cairn.blocks.VerificationBlock;
import io.cairn.blocks.VerificationBlocks;
import io.cairn.evidence.AnchorRecord;
import io.cairn.evidence.BlockEvidenceSource;
import io.cairn.evidence.BlockRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The evidence exporter's view of the verification blocks. Blocks are read by sequence number in pages;
 * since a block's creation time never goes back, the scan stops at the first block past the window.
 */
final class BlockEvidence implements BlockEvidenceSource {
    private final VerificationBlocks blocks;
    private final Function<String, String> ledgerKinds;

    /**
     * @param blocks      the verification blocks
     * @param ledgerKinds the kind ({@code evm}, {@code fabric}, {@code corda}) of a ledger, by name
     */
    BlockEvidence(VerificationBlocks blocks, Function<String, String> ledgerKinds) {
        this.blocks = blocks;
        this.ledgerKinds = ledgerKinds;
    }

    @Override
    public List<BlockRecord> blocks(String app, Instant from, Instant to) {
        List<BlockRecord> found = new ArrayList<>();
        int page = VerificationBlocks.MAX_RANGE;
        for (long first = 0; ; first += page) {
            List<VerificationBlock> batch = blocks.blocks(app, first, first + page - 1);
            for (VerificationBlock b : batch) {
                if (!b.createdAt().isBefore(to)) {
                    return found;
                }
                if (!b.createdAt().isBefore(from)) {
                    found.add(record(b));
                }
            }
            if (batch.size() < page) {
                return found;
            }
        }
    }

    @Override
    public List<byte[]> digests(String app, long seq) {
        return blocks.digests(app, seq);
    }

    @Override
    public List<AnchorRecord> anchors(String app, long seq) {
        return blocks.anchors(app, seq).stream().map(this::record).toList();
    }

    private static BlockRecord record(VerificationBlock b) {
        return new BlockRecord(b.app(), b.seq(), b.prevBlockHash().hex(), b.merkleRoot().hex(), b.entries(),
                b.createdAt(), b.blockHash().hex(), b.status().name().toLowerCase(Locale.ROOT));
    }

    private AnchorRecord record(BlockAnchor a) {
        return new AnchorRecord(a.ledger(), ledgerKinds.apply(a.ledger()), a.txId(), a.height(),
                a.state().name().toLowerCase(Locale.ROOT), a.anchoredAt());
    }
}
