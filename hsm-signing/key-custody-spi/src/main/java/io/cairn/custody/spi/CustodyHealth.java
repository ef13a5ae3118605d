package io.cairn.custody.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a backend can sign right now, for readiness checks. The detail never contains secrets.
 *
 * @param backend   the backend name
 * @param up        whether signing is possible
 * @param detail    a short explanation, safe to show to operators
 * @param checkedAt when the check ran
 */
public record CustodyHealth(String backend, boolean up, String detail, Instant checkedAt) {

    /** Checks the parts. */
    public CustodyHealth {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** A healthy backend. */
    public static CustodyHealth up(String backend, String detail) {
        return new CustodyHealth(backend, true, detail, Instant.now());
    }

    /** A backend that cannot sign. */
    public static CustodyHealth down(String backend, String detail) {
        return new CustodyHealth(backend, false, detail, Instant.now());
    }
}
