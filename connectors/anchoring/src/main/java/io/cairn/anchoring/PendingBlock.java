package io.cairn.anchoring;

import io.cairn.connector.spi.HashPointer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A sealed verification block that is not yet anchored on a ledger.
 *
 * @param app       the application the block belongs to
 * @param seq       the block's sequence number within the application
 * @param blockHash the block's 32-byte hash, the digest of its hash pointer
 * @param sealedAt  when the block was sealed (the anchor lag is measured from here)
 */
public record PendingBlock(String app, long seq, byte[] blockHash, Instant sealedAt) {

    /** Validates and copies the hash. */
    public PendingBlock {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(sealedAt, "sealedAt");
        blockHash = blockHash.clone();
        pointerOf(app, seq, blockHash);
    }

    /** A copy of the block hash. */
    @Override
    public byte[] blockHash() {
        return blockHash.clone();
    }

    /** The hash pointer written to ledgers: (block hash, application, sequence). */
    public HashPointer pointer() {
        return pointerOf(app, seq, blockHash);
    }

    private static HashPointer pointerOf(String app, long seq, byte[] hash) {
        return new HashPointer(hash, app, seq);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PendingBlock that && app.equals(that.app) && seq == that.seq
                && Arrays.equals(blockHash, that.blockHash) && sealedAt.equals(that.sealedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(app, seq, Arrays.hashCode(blockHash), sealedAt);
    }

    @Override
    public String toString() {
        return "PendingBlock[" + app + "#" + seq + " " + HexFormat.of().formatHex(blockHash) + "]";
    }
}
