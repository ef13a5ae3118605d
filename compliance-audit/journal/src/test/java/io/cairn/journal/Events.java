package io.cairn.journal;

import io.cairn.audit.spi.AuditEvent;
import java.time.Instant;

/** Audit events for tests. */
final class Events {
    static final Instant AT = Instant.parse("2026-03-01T12:00:00.123456Z");

    private Events() {
    }

    static AuditEvent event(String name, int n) {
        return AuditEvent.of("test." + name, "user-" + (n % 7), "things/" + n, AT.plusMillis(n))
                .withAttribute("n", Integer.toString(n));
    }

    static AuditEvent keyed(String key, int n) {
        return event("keyed", n).withIdempotencyKey(key);
    }
}
