package io.cairn.membership;

import com.fasterxml.jackson.core.type.TypeReference;
import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.audit.spi.JournalReceipt;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Carries committed membership events from the outbox to the audit journal, oldest first, each with the
 * idempotency key {@code consortium-event-<event key>} (a UUID drawn when the event was recorded) so a retry after a crash never journals an event twice.
 * An event that cannot be journaled now stays pending and is retried at the next {@link #deliverPending()}.
 */
public final class JournalRelay {
    private static final Logger LOG = Logger.getLogger(JournalRelay.class.getName());
    private static final TypeReference<TreeMap<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final Optional<AuditJournal> journal;
    private final Clock clock;

    /**
     * Creates the relay.
     *
     * @param jdbi    the database
     * @param journal the audit journal; when empty, events stay in the outbox until one is wired
     * @param clock   time of delivery
     */
    public JournalRelay(Jdbi jdbi, Optional<AuditJournal> journal, Clock clock) {
        this.jdbi = jdbi;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Delivers every pending event; failures are logged and the event stays pending.
     *
     * @return the number of events delivered
     */
    public synchronized int deliverPending() {
        if (journal.isEmpty()) {
            return 0;
        }
        int delivered = 0;
        for (Pending event : pending()) {
            try {
                JournalReceipt receipt = journal.get().append(event.toAuditEvent());
                jdbi.useHandle(h -> h.createUpdate("update consortium.events set journaled_at = :at, leaf_index = :leaf "
                                + "where id = :id")
                        .bind("at", Timestamp.from(clock.instant())).bind("leaf", receipt.leafIndex())
                        .bind("id", event.id()).execute());
                delivered++;
            } catch (RuntimeException e) {
                LOG.warning(() -> "membership event " + event.id() + " not journaled yet, will retry: " + e.getMessage());
                break;
            }
        }
        return delivered;
    }

    /** Delivers pending events, never throwing: the changes they record are already committed. */
    void deliverQuietly() {
        try {
            deliverPending();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "membership events not journaled yet, will retry", e);
        }
    }

    /** How many committed events are not journaled yet. */
    public long pendingCount() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from consortium.events where journaled_at is null")
                .mapTo(Long.class).one());
    }

    private List<Pending> pending() {
        return jdbi.withHandle(h -> h.createQuery("select id, event_key, type, actor, subject, occurred_at, attributes::text as attributes "
                        + "from consortium.events where journaled_at is null order by id limit 1000")
                .map((rs, ctx) -> new Pending(rs.getLong("id"), rs.getObject("event_key", java.util.UUID.class), rs.getString("type"), rs.getString("actor"),
                        rs.getString("subject"), rs.getTimestamp("occurred_at").toInstant(),
                        JsonColumns.read(rs.getString("attributes"), ATTRIBUTES))).list());
    }

    private record Pending(long id, java.util.UUID key, String type, String actor, String subject, java.time.Instant at,
                           TreeMap<String, String> attributes) {
        AuditEvent toAuditEvent() {
            return new AuditEvent(type, actor, subject, at, Optional.of("consortium-event-" + key), Optional.empty(),
                    attributes);
        }
    }
}
