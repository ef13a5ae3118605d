package io.cairn.connector.fabric;

import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.HashPointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The anchors this connector's identity wrote, found by reading the channel's blocks once, in order, from
 * {@link FabricLedgerConfig#scanFromBlock()}: each lookup first reads the blocks committed since the last
 * one (Fabric blocks are final, so what was read never changes). Holds one receipt per anchor in memory.
 */
final class AnchorIndex {

    private final String ledgerId;
    private final BlockStore blocks;
    private final AnchorEvents events;
    private final FabricIdentity identity;
    private final Map<HashPointer, List<AnchorReceipt>> anchors = new HashMap<>();
    private long nextBlock;

    AnchorIndex(String ledgerId, BlockStore blocks, AnchorEvents events, FabricIdentity identity, long fromBlock) {
        this.ledgerId = ledgerId;
        this.blocks = blocks;
        this.events = events;
        this.identity = identity;
        this.nextBlock = fromBlock;
    }

    /** Every anchor of exactly this pointer by this identity, oldest first. */
    synchronized List<AnchorReceipt> find(HashPointer pointer) {
        long height = blocks.chainInfo().getHeight();
        if (nextBlock < height) {
            blocks.read(nextBlock, height - 1, this::index);
        }
        return List.copyOf(anchors.getOrDefault(pointer, List.of()));
    }

    private void index(FabricBlock block) {
        for (FabricTransaction tx : block.transactions()) {
            Optional<HashPointer> pointer = events.anchorOf(tx);
            if (pointer.isPresent() && identity.isCreator(tx.creator())) {
                anchors.computeIfAbsent(pointer.get(), p -> new ArrayList<>()).add(new AnchorReceipt(ledgerId,
                        tx.transactionId(), block.number(), block.hash(), tx.position(), pointer.get()));
            }
        }
        nextBlock = block.number() + 1;
    }
}
