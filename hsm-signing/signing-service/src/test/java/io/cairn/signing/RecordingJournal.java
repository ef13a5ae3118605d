package io.cairn.signing;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.audit.spi.JournalReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An in-memory audit journal that keeps what it is given and can be told to fail, as a broken journal would. */
final class RecordingJournal implements AuditJournal {
    private final List<AuditEvent> events = new ArrayList<>();
    private volatile boolean failing;

    @Override
    public synchronized CompletableFuture<JournalReceipt> appendAsync(AuditEvent event) {
        if (failing) {
            return CompletableFuture.failedFuture(new IllegalStateException("journal storage unavailable"));
        }
        events.add(event);
        return CompletableFuture.completedFuture(new JournalReceipt(events.size() - 1L, "leaf-" + events.size(), Instant.now()));
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<AuditEvent> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
