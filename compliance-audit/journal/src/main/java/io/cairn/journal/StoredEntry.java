package io.cairn.journal;

import io.cairn.audit.spi.JournalReceipt;
import io.cairn.merkle.Hash;
import java.time.Instant;
import java.util.Arrays;

/** An entry already committed under an idempotency key, as the writer looks it up. */
record StoredEntry(long leafIndex, byte[] entry, Hash leafHash, Instant createdAt) {
    JournalReceipt receipt() {
        return new JournalReceipt(leafIndex, leafHash.base64(), createdAt);
    }

    boolean sameEntry(byte[] other) {
        return Arrays.equals(entry, other);
    }
}
