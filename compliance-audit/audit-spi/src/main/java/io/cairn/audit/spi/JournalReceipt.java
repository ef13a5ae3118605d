package io.cairn.audit.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof that an event is in the journal: its position, its leaf hash and when it was committed.
 *
 * @param leafIndex   zero-based position of the entry in the journal (the Merkle tree's leaf index)
 * @param leafHash    {@code SHA-256(0x00 || canonical entry)} in standard padded base64, as in proof files
 * @param committedAt time of the database transaction that made the entry durable
 */
public record JournalReceipt(long leafIndex, String leafHash, Instant committedAt) {
    /** Validates the receipt. */
    public JournalReceipt {
        if (leafIndex < 0) {
            throw new IllegalArgumentException("leaf index must not be negative: " + leafIndex);
        }
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(committedAt, "committedAt");
    }
}
