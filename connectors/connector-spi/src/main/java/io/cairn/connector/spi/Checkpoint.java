package io.cairn.connector.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A position in a ledger's event stream: every event at or before it has been delivered.
 *
 * <p>An event at {@code (block, position)} is covered when {@code block < blockNumber}, or when
 * {@code block == blockNumber && position <= this.position}. {@link #BLOCK_COMPLETE} as position means
 * the whole block has been delivered. The block hash lets a connector notice that the block a consumer
 * stopped at is no longer canonical (a reorganisation).
 *
 * @param blockNumber last block delivered (fully or partly); -1 before the first block
 * @param blockHash   hash of that block, empty only for {@link #beginning()}
 * @param position    last delivered position inside the block, or {@link #BLOCK_COMPLETE}
 */
public record Checkpoint(long blockNumber, Optional<String> blockHash, long position) {

    /** Position meaning "every event of the block has been delivered". */
    public static final long BLOCK_COMPLETE = Long.MAX_VALUE;

    /** Validates the checkpoint. */
    public Checkpoint {
        Objects.requireNonNull(blockHash, "blockHash");
        if (blockNumber < -1 || position < 0) {
            throw new IllegalArgumentException("invalid checkpoint " + blockNumber + "/" + position);
        }
        if (blockNumber >= 0 && blockHash.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint inside the chain names its block hash");
        }
    }

    /** Before the first block: a subscription from here delivers the ledger's whole history. */
    public static Checkpoint beginning() {
        return new Checkpoint(-1, Optional.empty(), BLOCK_COMPLETE);
    }

    /** Every event up to and including block {@code blockNumber} has been delivered. */
    public static Checkpoint afterBlock(long blockNumber, String blockHash) {
        return new Checkpoint(blockNumber, Optional.of(blockHash), BLOCK_COMPLETE);
    }

    /** Every event up to and including {@code event} has been delivered. */
    public static Checkpoint after(LedgerEvent event) {
        return new Checkpoint(event.blockNumber(), Optional.of(event.blockHash()), event.position());
    }

    /** Whether the event at {@code (block, pos)} was already delivered. */
    public boolean covers(long block, long pos) {
        return block < blockNumber || (block == blockNumber && pos <= position);
    }

    /** Whether every event of {@link #blockNumber()} has been delivered. */
    public boolean blockComplete() {
        return position == BLOCK_COMPLETE;
    }
}
