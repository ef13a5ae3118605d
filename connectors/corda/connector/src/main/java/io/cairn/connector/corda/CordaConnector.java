package io.cairn.connector.corda;

import io.cairn.connector.corda.contracts.AnchorContract;
import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.AnchorStatus;
import io.cairn.connector.spi.Checkpoint;
import io.cairn.connector.spi.EventSubscription;
import io.cairn.connector.spi.FinalityModel;
import io.cairn.connector.spi.HashPointer;
import io.cairn.connector.spi.LedgerConnector;
import io.cairn.connector.spi.LedgerEventSink;
import io.cairn.connector.spi.LedgerHealth;
import io.cairn.connector.spi.LedgerTransaction;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Corda 4 ledger connector: anchors through the anchoring CorDapp's {@value #ANCHOR_FLOW} and reads anchors
 * back from the node's vault.
 *
 * <p>Corda has no blocks. A notarised transaction is final at once ({@link FinalityModel#bftInstant()}), and a
 * receipt names the transaction as its own block: {@code blockNumber} 0, {@code blockHash} the transaction id,
 * {@code position} the anchor's output index. Event streaming is not offered.
 */
public final class CordaConnector implements LedgerConnector {

    /** The anchoring flow's class name in the anchoring CorDapp. */
    public static final String ANCHOR_FLOW = "io.cairn.connector.corda.flows.AnchorFlow";

    private static final Logger LOG = Logger.getLogger(CordaConnector.class.getName());

    private final CordaLedgerConfig config;
    private final CordaNode node;
    private volatile String ownIdentity;

    /** A connector over an open node connection; closing the connector closes the node. */
    public CordaConnector(CordaLedgerConfig config, CordaNode node) {
        this.config = Objects.requireNonNull(config, "config");
        this.node = Objects.requireNonNull(node, "node");
    }

    /** Connects to the configured node over RPC. */
    public static CordaConnector connect(CordaLedgerConfig config) {
        return new CordaConnector(config, CordaRpcNode.connect(config));
    }

    @Override
    public String ledgerId() {
        return config.ledgerId();
    }

    @Override
    public FinalityModel finality() {
        return FinalityModel.bftInstant();
    }

    /**
     * Runs {@value #ANCHOR_FLOW} with {@code (digest hex, application, block sequence, observer names)}, follows
     * its progress until it returns the notarised transaction, and reads the anchor back from the vault.
     */
    @Override
    public AnchorReceipt anchor(HashPointer hashPointer) {
        FlowCall call = new FlowCall(ANCHOR_FLOW, List.of(hashPointer.digestHex(), hashPointer.application(),
                hashPointer.blockSeq(), config.observers()), config.flowTimeout());
        List<String> steps = new ArrayList<>();
        FlowResult result;
        try {
            result = node.runFlow(call, step -> {
                steps.add(step);
                LOG.log(Level.FINE, () -> "anchor " + hashPointer + ": " + step);
            });
        } catch (CairnException failed) {
            throw new CairnException(failed.error(), failed.getMessage() + lastStep(steps), failed);
        }
        String transactionId = FlowResults.transactionId(result);
        return node.anchors(AnchorCriteria.forTransaction(transactionId)).stream()
                .filter(anchor -> anchor.pointer().filter(hashPointer::equals).isPresent())
                .findFirst()
                .map(this::receipt)
                .orElseThrow(() -> new CairnException(ErrorCode.LEDGER_INVALID_RESPONSE, "flow run " + result.runId()
                        + " returned transaction " + transactionId + " but the vault holds no anchor of "
                        + hashPointer + " from it"));
    }

    @Override
    public AnchorStatus verifyAnchor(AnchorReceipt receipt) {
        if (!receipt.ledgerId().equals(ledgerId())) {
            return new AnchorStatus.Missing("the receipt is for ledger " + receipt.ledgerId());
        }
        Optional<VaultAnchor> found = node.anchors(AnchorCriteria.forTransaction(receipt.transactionId())).stream()
                .filter(anchor -> anchor.outputIndex() == receipt.position())
                .findFirst();
        if (found.isEmpty()) {
            return new AnchorStatus.Missing("the vault holds no anchor at output " + receipt.position()
                    + " of transaction " + receipt.transactionId());
        }
        VaultAnchor anchor = found.get();
        if (!anchor.pointer().filter(receipt.hashPointer()::equals).isPresent()) {
            return new AnchorStatus.Missing("transaction " + receipt.transactionId() + " anchors "
                    + anchor.application() + "#" + anchor.blockSeq() + " " + anchor.digestHex() + ", not "
                    + receipt.hashPointer());
        }
        if (anchor.consumed()) {
            return new AnchorStatus.Missing("the anchor of transaction " + receipt.transactionId() + " is consumed");
        }
        return new AnchorStatus.Final(1);
    }

    /** Unconsumed anchors of exactly this pointer written by this node's identity, oldest first. */
    @Override
    public List<AnchorReceipt> findAnchors(HashPointer hashPointer) {
        String identity = ownIdentity();
        return node.anchors(AnchorCriteria.forPointer(hashPointer)).stream()
                .filter(anchor -> !anchor.consumed() && anchor.anchoringParty().equals(identity))
                .filter(anchor -> anchor.pointer().filter(hashPointer::equals).isPresent())
                .sorted(Comparator.comparing(VaultAnchor::recordedTime).thenComparing(VaultAnchor::transactionId))
                .map(this::receipt)
                .toList();
    }

    /** The anchor transaction with this id, as far as the vault knows it; empty for any other transaction. */
    @Override
    public Optional<LedgerTransaction> transaction(String transactionId) {
        return node.anchors(AnchorCriteria.forTransaction(transactionId)).stream()
                .findFirst()
                .map(anchor -> new LedgerTransaction(ledgerId(), anchor.transactionId(),
                        LedgerTransaction.Outcome.SUCCEEDED, Optional.of(0L), Optional.of(anchor.transactionId()),
                        anchor.anchoringParty(), Optional.of(AnchorContract.ID)));
    }

    @Override
    public LedgerHealth health() {
        return new NodeHealthCheck(node, config.identity()).check();
    }

    /** Not offered: Corda has no block stream. */
    @Override
    public Checkpoint headCheckpoint() {
        throw noEvents();
    }

    /** Not offered: Corda has no block stream. */
    @Override
    public EventSubscription subscribe(Checkpoint from, LedgerEventSink sink) {
        throw noEvents();
    }

    @Override
    public void close() {
        node.close();
    }

    private AnchorReceipt receipt(VaultAnchor anchor) {
        HashPointer pointer = anchor.pointer().orElseThrow(() -> new CairnException(
                ErrorCode.LEDGER_INVALID_RESPONSE, "not a hash pointer in transaction " + anchor.transactionId()));
        return new AnchorReceipt(ledgerId(), anchor.transactionId(), 0, anchor.transactionId(),
                anchor.outputIndex(), pointer);
    }

    private String ownIdentity() {
        String identity = ownIdentity;
        if (identity == null) {
            identity = config.identity().orElseGet(() -> node.nodeInfo().legalIdentities().get(0));
            ownIdentity = identity;
        }
        return identity;
    }

    private static String lastStep(List<String> steps) {
        return steps.isEmpty() ? " (no progress reported)" : " (last progress step: " + steps.getLast() + ")";
    }

    private static CairnException noEvents() {
        return new CairnException(ErrorCode.LEDGER_UNSUPPORTED_OPERATION,
                "the Corda connector does not stream ledger events");
    }
}
