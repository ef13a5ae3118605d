package io.cairn.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the verification blocks: each block's Merkle root from its digests, its hash, the previous-block
 * chain, its {@code application.block-sealed} journal entry, and its anchors' shape (and, through
 * {@link LedgerAnchors}, the anchors themselves on ledgers given with {@code --ledger-rpc}).
 */
final class BlockCheck {
    private static final List<String> FIELDS = List.of("app", "seq", "prevBlockHash", "merkleRoot", "entries",
            "createdAt", "blockHash", "status", "sealedLeafIndex", "digests", "anchors");
    private static final List<String> ANCHOR_FIELDS = List.of("ledger", "kind", "transactionId", "height", "status",
            "at");
    private static final Set<String> BLOCK_STATUSES = Set.of("pending", "anchored", "final", "broken");
    private static final Set<String> KINDS = Set.of("evm", "fabric", "corda");
    private static final Set<String> ANCHOR_STATUSES = Set.of("anchored", "final", "broken");

    private final BundleFiles files;
    private final VerificationReport.Builder report;
    private final LedgerAnchors ledgers;
    private BlockRecord previous;
    private long blocks;
    private long digests;

    BlockCheck(BundleFiles files, VerificationReport.Builder report, LedgerAnchors ledgers) {
        this.files = files;
        this.report = report;
        this.ledgers = ledgers;
    }

    void run(Manifest manifest, Map<Long, String> sealedBlocks) {
        long before = report.failureCount();
        if (files.has(BundleLayout.BLOCKS)) {
            try (BufferedReader lines = files.lines(BundleLayout.BLOCKS)) {
                long number = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    number++;
                    try {
                        block(BundleJson.parse(line.getBytes(StandardCharsets.UTF_8), "line " + number, FIELDS),
                                manifest, sealedBlocks);
                    } catch (BundleDefect e) {
                        report.fail(BundleLayout.BLOCKS, e);
                    }
                }
            } catch (IOException e) {
                report.fail(BundleLayout.BLOCKS, "whole file", "cannot be read: " + e.getMessage());
            }
        }
        report.check("Verification blocks", before, blocks + " block(s) with " + digests + " message digest(s):"
                + " Merkle roots recomputed, block hashes recomputed, previous-block chain, each block's"
                + " application.block-sealed journal entry");
        ledgers.report(report);
    }

    private void block(BundleJson json, Manifest manifest, Map<Long, String> sealedBlocks) {
        List<byte[]> blockDigests = json.hexList("digests");
        BlockRecord block = new BlockRecord(json.text("app"), json.count("seq"), json.hex64("prevBlockHash"),
                json.hex64("merkleRoot"), json.count("entries"), json.millisInstant("createdAt"),
                json.hex64("blockHash"), json.text("status"));
        String item = "block " + block.seq() + " (" + json.item() + ")";
        blocks++;
        digests += blockDigests.size();
        contents(block, blockDigests, manifest, item);
        chain(block, item);
        long sealedAt = json.count("sealedLeafIndex");
        if (!block.blockHash().equals(sealedBlocks.get(sealedAt))) {
            report.fail(BundleLayout.BLOCKS, item, "journal entry " + sealedAt + " is not a verified "
                    + BundleLayout.BLOCK_SEALED + " entry of this block hash (it must be in full in "
                    + BundleLayout.ENTRIES + " with payloadSha256 = blockHash)");
        }
        List<JsonNode> anchors = json.array("anchors");
        for (int i = 0; i < anchors.size(); i++) {
            anchor(BundleJson.of(anchors.get(i), item + " anchor " + i, ANCHOR_FIELDS), block);
        }
        previous = block;
    }

    private void contents(BlockRecord block, List<byte[]> blockDigests, Manifest manifest, String item) {
        if (!block.app().equals(manifest.app())) {
            report.fail(BundleLayout.BLOCKS, item, "belongs to application " + block.app() + ", not " + manifest.app());
        }
        if (block.createdAt().isBefore(manifest.from()) || !block.createdAt().isBefore(manifest.to())) {
            report.fail(BundleLayout.BLOCKS, item, "created at " + block.createdAt() + ", outside the scope");
        }
        if (!BLOCK_STATUSES.contains(block.status())) {
            report.fail(BundleLayout.BLOCKS, item, "unknown status " + block.status());
        }
        if (blockDigests.size() != block.entries()) {
            report.fail(BundleLayout.BLOCKS, item, "says " + block.entries() + " entries but lists "
                    + blockDigests.size() + " digests");
        }
        String root = BlockHashing.merkleRoot(blockDigests).hex();
        if (!root.equals(block.merkleRoot())) {
            report.fail(BundleLayout.BLOCKS, item, "its digests give the Merkle root " + root + ", not "
                    + block.merkleRoot());
        }
        String hash = BlockHashing.blockHash(block);
        if (!hash.equals(block.blockHash())) {
            report.fail(BundleLayout.BLOCKS, item, "its fields hash to " + hash + ", not to its blockHash "
                    + block.blockHash());
        }
    }

    private void chain(BlockRecord block, String item) {
        if (block.seq() == 0 && !block.prevBlockHash().equals(BlockHashing.GENESIS_PREVIOUS)) {
            report.fail(BundleLayout.BLOCKS, item, "block 0 must have 64 zeros as previous-block hash");
        }
        if (previous == null) {
            return;
        }
        if (block.seq() != previous.seq() + 1) {
            report.fail(BundleLayout.BLOCKS, item, "follows block " + previous.seq() + ": blocks must be consecutive");
        } else if (!block.prevBlockHash().equals(previous.blockHash())) {
            report.fail(BundleLayout.BLOCKS, item, "its previous-block hash " + block.prevBlockHash()
                    + " is not the hash of block " + previous.seq() + ", " + previous.blockHash());
        }
    }

    private void anchor(BundleJson json, BlockRecord block) {
        AnchorRecord anchor = new AnchorRecord(json.text("ledger"), json.text("kind"), json.text("transactionId"),
                json.count("height"), json.text("status"), json.instant("at"));
        if (!KINDS.contains(anchor.kind()) || !ANCHOR_STATUSES.contains(anchor.status())
                || anchor.transactionId().isEmpty()) {
            report.fail(BundleLayout.BLOCKS, json.item(), "kind must be evm, fabric or corda, status anchored, final"
                    + " or broken, and the transaction id not empty");
            return;
        }
        ledgers.check(anchor, block, json.item(), report);
    }
}
