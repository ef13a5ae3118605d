package io.cairn.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a verification block's hash was written on one ledger.
 *
 * @param ledger        the ledger's configured name
 * @param kind          {@code evm}, {@code fabric} or {@code corda}
 * @param transactionId the anchoring transaction (for EVM, {@code 0x} and 64 hex digits)
 * @param height        the ledger block height the transaction was included at
 * @param status        {@code anchored}, {@code final} or {@code broken}
 * @param at            when this status was recorded
 */
public record AnchorRecord(String ledger, String kind, String transactionId, long height, String status, Instant at) {
    /** Rejects missing parts. */
    public AnchorRecord {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
