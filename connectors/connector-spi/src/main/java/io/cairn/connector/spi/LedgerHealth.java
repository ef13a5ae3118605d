package io.cairn.connector.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector found when it last looked at its ledger.
 *
 * @param status      UP, DEGRADED or DOWN
 * @param headBlock   the ledger's current height, when it answered
 * @param latency     how long the check took
 * @param detail      what is wrong, for operators (never a secret)
 */
public record LedgerHealth(Status status, Optional<Long> headBlock, Duration latency, Optional<String> detail) {

    /** Health states. */
    public enum Status {
        /** Reachable and usable. */
        UP,
        /** Reachable but not fully usable (syncing, wrong contract, ...). */
        DEGRADED,
        /** Not reachable or not the configured ledger. */
        DOWN
    }

    /** Validates the report. */
    public LedgerHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(headBlock, "headBlock");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(detail, "detail");
    }
}
