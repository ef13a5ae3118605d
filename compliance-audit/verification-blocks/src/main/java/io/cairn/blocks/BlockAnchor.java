package io.cairn.blocks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A block's anchor on one ledger.
 *
 * @param app        application id
 * @param seq        block sequence number
 * @param ledger     ledger name
 * @param state      anchor state
 * @param txId       the ledger transaction that wrote the hash pointer
 * @param height     the ledger block height the transaction is in
 * @param anchoredAt when the anchor was recorded
 * @param finalAt    when the ledger reported it final
 * @param brokenAt   when it was found broken
 * @param reason     why it is broken
 */
public record BlockAnchor(String app, long seq, String ledger, AnchorState state, String txId, long height,
                          Instant anchoredAt, Optional<Instant> finalAt, Optional<Instant> brokenAt,
                          Optional<String> reason) {
    /** Validates presence. */
    public BlockAnchor {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(anchoredAt, "anchoredAt");
        Objects.requireNonNull(finalAt, "finalAt");
        Objects.requireNonNull(brokenAt, "brokenAt");
        Objects.requireNonNull(reason, "reason");
    }
}
