package io.cairn.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Whether the database answers right now. The answer is cached for a short time so that frequent readiness
 * probes do not each take a connection.
 */
public final class DatabaseHealth {
    private static final Duration CACHE = Duration.ofMillis(500);
    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicReference<Probe> last = new AtomicReference<>(new Probe(false, "not checked yet", Instant.EPOCH));

    /** The outcome of one probe. */
    private record Probe(boolean up, String detail, Instant at) {
    }

    DatabaseHealth(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Whether the database answered its last probe (probing again when that answer is stale). */
    public boolean isUp() {
        return current().up();
    }

    /** A short explanation for health reports; never contains credentials. */
    public String detail() {
        return current().detail();
    }

    private Probe current() {
        Probe probe = last.get();
        Instant now = clock.instant();
        if (Duration.between(probe.at(), now).compareTo(CACHE) < 0) {
            return probe;
        }
        Probe fresh = probe(now);
        last.set(fresh);
        return fresh;
    }

    private Probe probe(Instant now) {
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(VALIDATION_SECONDS);
            return new Probe(valid, valid ? "database reachable" : "database connection not valid", now);
        } catch (SQLException | RuntimeException e) {
            return new Probe(false, "database unreachable", now);
        }
    }
}
