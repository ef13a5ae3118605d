package io.cairn.evidence;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks anchors on the ledgers named with {@code --ledger-rpc NAME=URL} (EVM ledgers) and counts the rest
 * as not checked.
 */
final class LedgerAnchors {
    private final Map<String, URI> endpoints;
    private final Map<String, EvmAnchorCheck> clients = new TreeMap<>();
    private final TreeSet<String> unchecked = new TreeSet<>();
    private long anchors;
    private long checked;
    private long failuresBefore = -1;
    private final StringBuilder facts = new StringBuilder();

    LedgerAnchors(Map<String, URI> endpoints) {
        this.endpoints = Map.copyOf(endpoints);
    }

    /** Checks one anchor when its ledger was given, else notes it as not checked. */
    void check(AnchorRecord anchor, BlockRecord block, String item, VerificationReport.Builder report) {
        if (failuresBefore < 0) {
            failuresBefore = report.failureCount();
        }
        anchors++;
        URI endpoint = endpoints.get(anchor.ledger());
        if (endpoint == null || !anchor.kind().equals("evm")) {
            unchecked.add(anchor.ledger() + (endpoint == null ? "" : " (" + anchor.kind() + ": only EVM ledgers are"
                    + " checked)"));
            return;
        }
        checked++;
        EvmAnchorCheck client = clients.computeIfAbsent(anchor.ledger(), name -> new EvmAnchorCheck(name, endpoint));
        client.check(anchor, block).ifPresentOrElse(
                problem -> report.fail("ledger " + anchor.ledger(), item + " tx " + anchor.transactionId(), problem),
                () -> facts.append(facts.isEmpty() ? "" : "; ").append("block ").append(block.seq()).append(" on ")
                        .append(anchor.ledger()).append(" at height ").append(anchor.height()).append(" (")
                        .append(client.confirmations(anchor.height())).append(" confirmations)"));
    }

    /** Adds the ledger check line to the report. */
    void report(VerificationReport.Builder report) {
        if (checked == 0) {
            report.skipped("Ledger anchors", anchors + " anchor(s) recorded, none checked on a ledger"
                    + (unchecked.isEmpty() ? "" : " (no --ledger-rpc for " + String.join(", ", unchecked) + ")"));
            return;
        }
        String rest = unchecked.isEmpty() ? "" : "; " + (anchors - checked) + " not checked ("
                + String.join(", ", unchecked) + ")";
        report.check("Ledger anchors", failuresBefore, checked + " of " + anchors + " anchor(s) checked on the ledger"
                + " (transaction receipt status 1, Anchored event with the block hash and application, height): "
                + facts + rest);
    }
}
