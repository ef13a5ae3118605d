package io.cairn.blocks;

import io.cairn.merkle.Hash;
import java.time.Instant;
import java.util.Objects;

/**
 * One sealed verification block of an application: a contiguous run of the application's messages, their
 * Merkle root and the hash of the previous block.
 *
 * @param app             application id
 * @param seq             block sequence number within the application, from 0
 * @param prevBlockHash   hash of block {@code seq - 1}; 32 zero bytes for block 0
 * @param merkleRoot      RFC 6962 root over the block's message digests in message order
 * @param entries         number of messages in the block (at least 1)
 * @param firstMessageSeq sequence number of the block's first message
 * @param lastMessageSeq  sequence number of the block's last message
 * @param createdAt       when the block was sealed, millisecond precision
 * @param blockHash       the block's hash ({@link BlockHashing#blockHash}); what anchors write
 * @param status          anchoring status
 */
public record VerificationBlock(String app, long seq, Hash prevBlockHash, Hash merkleRoot, int entries,
                                long firstMessageSeq, long lastMessageSeq, Instant createdAt, Hash blockHash,
                                BlockStatus status) {
    /** Validates the block's shape. */
    public VerificationBlock {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(prevBlockHash, "prevBlockHash");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(status, "status");
        if (seq < 0 || entries < 1 || lastMessageSeq - firstMessageSeq + 1 != entries) {
            throw new IllegalArgumentException("inconsistent block " + app + "#" + seq);
        }
    }

    /** Whether the stored block hash is the hash of the stored fields. */
    public boolean hashMatches() {
        return BlockHashing.blockHash(app, seq, prevBlockHash, merkleRoot, entries, createdAt).equals(blockHash);
    }
}
