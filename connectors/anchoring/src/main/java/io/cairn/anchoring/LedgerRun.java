package io.cairn.anchoring;

/**
 * What one pipeline run did on one ledger.
 *
 * @param ledger    the ledger
 * @param queued    blocks newly taken from the feed
 * @param anchored  anchors submitted, or adopted from the ledger, and recorded
 * @param finalised anchors that reached finality
 * @param broken    anchors found vanished or forked
 * @param failures  attempts that failed and were put off (node down, refused, timed out)
 */
public record LedgerRun(String ledger, int queued, int anchored, int finalised, int broken, int failures) {

    /** Nothing done (the ledger was busy in another run). */
    static LedgerRun skipped(String ledger) {
        return new LedgerRun(ledger, 0, 0, 0, 0, 0);
    }
}
