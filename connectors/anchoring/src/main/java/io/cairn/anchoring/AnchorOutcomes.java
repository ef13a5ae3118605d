package io.cairn.anchoring;

import io.cairn.connector.spi.AnchorReceipt;
import java.time.Instant;

/**
 * Where the pipeline reports what happened to each block's anchor: the verification-blocks module, wired by
 * the appliance.
 *
 * <p>Every call may be repeated with the same values (after a crash, or when a previous call threw), so
 * implementations are idempotent. A call that throws is retried at a later run. For one block and ledger the
 * calls come in the order {@code anchored}, {@code finalised}, and after a reorganisation {@code broken}
 * followed by {@code anchored} again with the new receipt.
 */
public interface AnchorOutcomes {

    /** The block's hash pointer is in a ledger block (not necessarily final). */
    void anchored(String app, long seq, String ledger, AnchorReceipt receipt, Instant at);

    /** The anchor is final under the ledger's finality model. */
    void finalised(String app, long seq, String ledger, AnchorReceipt receipt, Instant at);

    /** The anchor vanished or its ledger block is no longer canonical; the block is anchored again. */
    void broken(String app, long seq, String ledger, String reason, Instant at);
}
