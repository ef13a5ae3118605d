package io.cairn.journal;

import io.cairn.audit.spi.JournalReceipt;
import io.cairn.merkle.Hash;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An append waiting for its transaction: the canonical entry, its leaf hash, its idempotency key and the
 * caller's future.
 */
record PendingAppend(byte[] entry, Hash leafHash, Optional<String> idempotencyKey,
                     CompletableFuture<JournalReceipt> receipt) {
}
