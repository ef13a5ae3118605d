package io.cairn.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * A verification block as the evidence exporter reads it.
 *
 * @param app           the application id
 * @param seq           the block's position in the application's chain, from 0
 * @param prevBlockHash hash of the previous block, 64 lower-case hex digits (64 zeros for seq 0)
 * @param merkleRoot    RFC 6962 root over the block's message digests, 64 lower-case hex digits
 * @param entries       number of message digests in the block
 * @param createdAt     when the block was sealed, millisecond precision
 * @param blockHash     the block's hash (what anchors write), 64 lower-case hex digits
 * @param status        the block's status as recorded ({@code pending}, {@code anchored}, {@code final},
 *                      {@code broken})
 */
public record BlockRecord(String app, long seq, String prevBlockHash, String merkleRoot, long entries,
                          Instant createdAt, String blockHash, String status) {
    /** Rejects missing parts. */
    public BlockRecord {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(prevBlockHash, "prevBlockHash");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(status, "status");
    }
}
