package io.cairn.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Verification blocks held in memory, chained and hashed by the block rules. */
final class TestBlocks implements BlockEvidenceSource {
    private final Map<String, List<BlockRecord>> blocks = new HashMap<>();
    private final Map<String, List<byte[]>> digests = new HashMap<>();
    private final Map<String, List<AnchorRecord>> anchors = new HashMap<>();

    /** Seals the next block of an application. */
    BlockRecord seal(String app, List<byte[]> blockDigests, Instant at) {
        List<BlockRecord> chain = blocks.computeIfAbsent(app, a -> new ArrayList<>());
        long seq = chain.size();
        String previous = chain.isEmpty() ? BlockHashing.GENESIS_PREVIOUS : chain.get(chain.size() - 1).blockHash();
        BlockRecord unhashed = new BlockRecord(app, seq, previous, BlockHashing.merkleRoot(blockDigests).hex(),
                blockDigests.size(), at, "", "anchored");
        BlockRecord block = new BlockRecord(app, seq, previous, unhashed.merkleRoot(), unhashed.entries(), at,
                BlockHashing.blockHash(unhashed), "anchored");
        chain.add(block);
        digests.put(app + "/" + seq, List.copyOf(blockDigests));
        return block;
    }

    /** Records an anchor of a block. */
    void anchor(BlockRecord block, AnchorRecord anchor) {
        anchors.computeIfAbsent(block.app() + "/" + block.seq(), k -> new ArrayList<>()).add(anchor);
    }

    @Override
    public List<BlockRecord> blocks(String app, Instant from, Instant to) {
        return blocks.getOrDefault(app, List.of()).stream()
                .filter(b -> !b.createdAt().isBefore(from) && b.createdAt().isBefore(to)).toList();
    }

    @Override
    public List<byte[]> digests(String app, long seq) {
        return digests.getOrDefault(app + "/" + seq, List.of());
    }

    @Override
    public List<AnchorRecord> anchors(String app, long seq) {
        return anchors.getOrDefault(app + "/" + seq, List.of());
    }
}
