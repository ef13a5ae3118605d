package io.cairn.connector.corda;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import net.corda.core.crypto.SecureHash;

/**
 * A hand-written stand-in for a Corda node, NOT a node: it keeps an in-memory "vault" of anchors and answers
 * the anchoring flow the way the anchoring CorDapp is specified to (record one anchor by the node's identity,
 * return the transaction id). It checks nothing Corda would check; it exists to test the connector's mapping.
 */
final class StandInCordaNode implements CordaNode {

    static final List<String> PROGRESS = List.of("Building the anchor transaction", "Signing",
            "Notarising and recording");

    private final String identity;
    private final Random random;
    private final List<VaultAnchor> vault = new ArrayList<>();
    private final List<FlowCall> calls = new ArrayList<>();
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");
    private Optional<CairnException> failure = Optional.empty();
    private Optional<Object> returnOverride = Optional.empty();
    private boolean recordAnchors = true;
    private boolean closed;

    StandInCordaNode(String identity, long seed) {
        this.identity = identity;
        this.random = new Random(seed);
    }

    @Override
    public synchronized FlowResult runFlow(FlowCall call, Consumer<String> progress) {
        calls.add(call);
        checkUp();
        progress.accept(PROGRESS.get(0));
        progress.accept(PROGRESS.get(1));
        if (failure.isPresent()) {
            throw failure.get();
        }
        progress.accept(PROGRESS.get(2));
        String txId = randomTransactionId();
        if (recordAnchors) {
            List<Object> args = call.arguments();
            record(new VaultAnchor(txId, 0, (String) args.get(0), (String) args.get(1), (Long) args.get(2), identity,
                    tick(), false));
        }
        return new FlowResult("run-" + calls.size(), returnOverride.orElse(SecureHash.create(txId)));
    }

    @Override
    public synchronized List<VaultAnchor> anchors(AnchorCriteria criteria) {
        checkUp();
        return vault.stream().filter(criteria::matches).toList();
    }

    @Override
    public NodeIdentity nodeInfo() {
        checkUp();
        return new NodeIdentity(List.of(identity), 12);
    }

    @Override
    public Instant currentNodeTime() {
        checkUp();
        return clock;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Puts an anchor into the vault as if another flow (or another party's) had recorded it. */
    synchronized VaultAnchor record(VaultAnchor anchor) {
        vault.add(anchor);
        return anchor;
    }

    /** Removes every anchor of a transaction (what a restored-from-backup vault would look like). */
    synchronized void forget(String transactionId) {
        vault.removeIf(anchor -> anchor.transactionId().equals(transactionId));
    }

    /** Marks the anchors of a transaction consumed (which the contract forbids; the connector must notice). */
    synchronized void consume(String transactionId) {
        vault.replaceAll(a -> a.transactionId().equals(transactionId) ? new VaultAnchor(a.transactionId(),
                a.outputIndex(), a.digestHex(), a.application(), a.blockSeq(), a.anchoringParty(), a.recordedTime(),
                true) : a);
    }

    synchronized void failFlowsWith(CairnException exception) {
        failure = Optional.of(exception);
    }

    synchronized void returnFromFlows(Object value) {
        returnOverride = Optional.of(value);
    }

    synchronized void stopRecording() {
        recordAnchors = false;
    }

    synchronized List<FlowCall> calls() {
        return List.copyOf(calls);
    }

    synchronized Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    synchronized String randomTransactionId() {
        byte[] id = new byte[32];
        random.nextBytes(id);
        return SecureHash.create(HexFormat.of().formatHex(id)).toString();
    }

    boolean closed() {
        return closed;
    }

    void goDown() {
        closed = true;
    }

    private void checkUp() {
        if (closed) {
            throw new CairnException(ErrorCode.LEDGER_UNREACHABLE, "stand-in node is down");
        }
    }
}
