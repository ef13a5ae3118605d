package io.cairn.audit.spi;

import io.cairn.kernel.CairnException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The append-only, tamper-evident journal every module records its events in.
 *
 * <p>An append is acknowledged only after the entry is durably committed; entries get gap-free leaf
 * indexes in the order they are committed. Implementations are thread-safe.
 */
public interface AuditJournal {
    /**
     * Records an event without waiting.
     *
     * @param event the event
     * @return completes with the receipt after commit, or exceptionally with a {@link CairnException}
     *         ({@code CAIRN-JOURNAL-0004} for an idempotency key reused with another event,
     *         {@code CAIRN-JOURNAL-0005} when the journal is stopped, {@code CAIRN-STORE-0001} when the
     *         database is unavailable; then the event may or may not be recorded, and retrying with the
     *         same idempotency key is safe)
     */
    CompletableFuture<JournalReceipt> appendAsync(AuditEvent event);

    /**
     * Records an event and waits until it is committed.
     *
     * @param event the event
     * @return the receipt
     * @throws CairnException as {@link #appendAsync(AuditEvent)} completes
     */
    default JournalReceipt append(AuditEvent event) {
        try {
            return appendAsync(event).get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("append failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the journal; the event may be recorded", e);
        }
    }
}
