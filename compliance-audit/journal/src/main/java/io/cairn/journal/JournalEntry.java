package io.cairn.journal;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.CanonicalEntry;
import io.cairn.merkle.Hash;
import io.cairn.merkle.TreeHasher;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A journaled entry as stored.
 *
 * @param leafIndex      position in the journal
 * @param entry          canonical entry bytes ({@link CanonicalEntry})
 * @param leafHash       the stored leaf hash
 * @param idempotencyKey the stored idempotency key column
 * @param createdAt      commit time
 */
public record JournalEntry(long leafIndex, byte[] entry, Hash leafHash, Optional<String> idempotencyKey,
                           Instant createdAt) {
    /** Copies the entry bytes. */
    public JournalEntry {
        entry = entry.clone();
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A copy of the canonical entry bytes. */
    @Override
    public byte[] entry() {
        return entry.clone();
    }

    /** The event the entry encodes. */
    public AuditEvent event() {
        return CanonicalEntry.decode(entry);
    }

    /** Whether the stored leaf hash is the hash of the stored entry bytes. */
    public boolean leafHashMatches() {
        return TreeHasher.leafHash(entry).equals(leafHash);
    }
}
