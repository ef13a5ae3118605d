package io.cairn.membership;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.audit.spi.JournalReceipt;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An in-memory {@link AuditJournal} for tests: keeps events in order, honours idempotency keys like the real
 * journal, and can be made unavailable.
 */
final class RecordingJournal implements AuditJournal {
    private final Map<String, JournalReceipt> byKey = new LinkedHashMap<>();
    private final List<AuditEvent> events = new ArrayList<>();
    private volatile boolean available = true;

    @Override
    public synchronized CompletableFuture<JournalReceipt> appendAsync(AuditEvent event) {
        if (!available) {
            return CompletableFuture.failedFuture(new CairnException(ErrorCode.JOURNAL_UNAVAILABLE, "stopped"));
        }
        String key = event.idempotencyKey().orElseThrow();
        JournalReceipt known = byKey.get(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        JournalReceipt receipt = new JournalReceipt(events.size(), "leaf-" + events.size(), Instant.now());
        events.add(event);
        byKey.put(key, receipt);
        return CompletableFuture.completedFuture(receipt);
    }

    synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<String> typesFor(String subject) {
        return events.stream().filter(e -> e.subject().equals(subject)).map(AuditEvent::type).toList();
    }

    synchronized void clear() {
        events.clear();
        byKey.clear();
    }

    void setAvailable(boolean available) {
        this.available = available;
    }
}
