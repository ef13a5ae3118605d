package io.cairn.connector.corda;

import static io.cairn.connector.corda.ExpectedFailure.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.corda.contracts.AnchorContract;
import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.AnchorStatus;
import io.cairn.connector.spi.Checkpoint;
import io.cairn.connector.spi.FinalityModel;
import io.cairn.connector.spi.HashPointer;
import io.cairn.connector.spi.LedgerHealth;
import io.cairn.connector.spi.LedgerTransaction;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The connector's mapping of flows and vault answers onto the connector SPI, against {@link StandInCordaNode}
 * (an in-memory stand-in, not a Corda node: no Corda node runs in any test).
 */
class StandInCordaNodeConnectorTest {

    private static final String US = "O=Cairn Anchor,L=Zurich,C=CH";
    private static final String OTHER = "O=Other Member,L=London,C=GB";
    private static final List<String> OBSERVERS = List.of(OTHER);

    private final Random random = new Random(0xc0dac0);
    private final StandInCordaNode node = new StandInCordaNode(US, 42);
    private final CordaConnector connector = new CordaConnector(config(Optional.empty()), node);

    @Test
    void anchorStartsTheAnchorFlowAndReturnsTheNotarisedTransaction() {
        HashPointer pointer = pointer("payments", 3);

        AnchorReceipt receipt = connector.anchor(pointer);

        FlowCall call = node.calls().getFirst();
        assertThat(call.flowClassName()).isEqualTo("io.cairn.connector.corda.flows.AnchorFlow");
        assertThat(call.arguments()).containsExactly(pointer.digestHex(), "payments", 3L, OBSERVERS);
        assertThat(call.timeout()).isEqualTo(Duration.ofSeconds(30));
        VaultAnchor stored = node.anchors(AnchorCriteria.forPointer(pointer)).getFirst();
        assertThat(receipt).isEqualTo(new AnchorReceipt("corda-test", stored.transactionId(), 0,
                stored.transactionId(), 0, pointer));
        assertThat(connector.finality()).isEqualTo(FinalityModel.bftInstant());
    }

    @Test
    void aRejectedFlowNamesItsLastProgressStep() {
        node.failFlowsWith(new CairnException(ErrorCode.LEDGER_ANCHOR_REJECTED, "notary refused"));

        assertFails(() -> connector.anchor(pointer("payments", 1)), ErrorCode.LEDGER_ANCHOR_REJECTED)
                .hasMessageContaining("notary refused")
                .hasMessageContaining("last progress step: " + StandInCordaNode.PROGRESS.get(1));
    }

    @Test
    void aFlowResultThatIsNoTransactionIsAnInvalidResponse() {
        node.returnFromFlows("done");

        assertFails(() -> connector.anchor(pointer("payments", 1)), ErrorCode.LEDGER_INVALID_RESPONSE)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void aTransactionWithoutItsAnchorInTheVaultIsAnInvalidResponse() {
        node.stopRecording();

        assertFails(() -> connector.anchor(pointer("payments", 1)), ErrorCode.LEDGER_INVALID_RESPONSE)
                .hasMessageContaining("holds no anchor");
    }

    @Test
    void aRecordedAnchorIsFinalAtOnce() {
        AnchorReceipt receipt = connector.anchor(pointer("payments", 9));

        assertThat(connector.verifyAnchor(receipt)).isEqualTo(new AnchorStatus.Final(1));
    }

    @Test
    void anAnchorTheVaultNoLongerHoldsIsMissing() {
        AnchorReceipt receipt = connector.anchor(pointer("payments", 9));
        node.forget(receipt.transactionId());

        assertThat(connector.verifyAnchor(receipt)).isInstanceOfSatisfying(AnchorStatus.Missing.class,
                missing -> assertThat(missing.reason()).contains("no anchor at output 0"));
    }

    @Test
    void aReceiptNamingAnotherPointerOrOutputOrLedgerIsMissing() {
        AnchorReceipt receipt = connector.anchor(pointer("payments", 9));
        HashPointer other = pointer("payments", 10);
        AnchorReceipt wrongPointer = new AnchorReceipt(receipt.ledgerId(), receipt.transactionId(), 0,
                receipt.blockHash(), 0, other);
        AnchorReceipt wrongOutput = new AnchorReceipt(receipt.ledgerId(), receipt.transactionId(), 0,
                receipt.blockHash(), 1, receipt.hashPointer());
        AnchorReceipt wrongLedger = new AnchorReceipt("elsewhere", receipt.transactionId(), 0,
                receipt.blockHash(), 0, receipt.hashPointer());

        assertThat(connector.verifyAnchor(wrongPointer)).isInstanceOfSatisfying(AnchorStatus.Missing.class,
                missing -> assertThat(missing.reason()).contains("not " + other));
        assertThat(connector.verifyAnchor(wrongOutput)).isInstanceOf(AnchorStatus.Missing.class);
        assertThat(connector.verifyAnchor(wrongLedger)).isInstanceOf(AnchorStatus.Missing.class);
    }

    @Test
    void aConsumedAnchorIsMissingAndNotFound() {
        HashPointer pointer = pointer("payments", 2);
        AnchorReceipt receipt = connector.anchor(pointer);
        node.consume(receipt.transactionId());

        assertThat(connector.verifyAnchor(receipt)).isInstanceOfSatisfying(AnchorStatus.Missing.class,
                missing -> assertThat(missing.reason()).contains("consumed"));
        assertThat(connector.findAnchors(pointer)).isEmpty();
    }

    @Test
    void findAnchorsReturnsOnlyThisIdentitysAnchorsOfExactlyThePointerOldestFirst() {
        HashPointer pointer = pointer("payments", 5);
        AnchorReceipt first = connector.anchor(pointer);
        node.record(new VaultAnchor(node.randomTransactionId(), 0, pointer.digestHex(), "payments", 5, OTHER,
                node.tick(), false));
        connector.anchor(pointer("payments", 6));
        connector.anchor(pointer("billing", 5));
        AnchorReceipt second = connector.anchor(pointer);

        assertThat(connector.findAnchors(pointer)).containsExactly(first, second);
        assertThat(connector.findAnchors(pointer("payments", 99))).isEmpty();
    }

    /** Seeded, replayable: random pointers anchored in random order are each found exactly once. */
    @Test
    void everyAnchoredPointerIsFoundOnceAndVerifiesFinal() {
        for (int i = 0; i < 40; i++) {
            HashPointer pointer = pointer("app-" + random.nextInt(4), random.nextInt(1_000_000));
            AnchorReceipt receipt = connector.anchor(pointer);
            assertThat(connector.findAnchors(pointer)).containsExactly(receipt);
            assertThat(connector.verifyAnchor(receipt).isFinal()).isTrue();
        }
    }

    @Test
    void transactionsAreTheAnchorTransactionsTheVaultKnows() {
        AnchorReceipt receipt = connector.anchor(pointer("payments", 1));

        assertThat(connector.transaction(receipt.transactionId())).contains(new LedgerTransaction("corda-test",
                receipt.transactionId(), LedgerTransaction.Outcome.SUCCEEDED, Optional.of(0L),
                Optional.of(receipt.transactionId()), US, Optional.of(AnchorContract.ID)));
        assertThat(connector.transaction(node.randomTransactionId())).isEmpty();
    }

    @Test
    void healthIsUpForTheConfiguredNodeAndDownOtherwise() {
        LedgerHealth up = connector.health();
        LedgerHealth wrongNode = new CordaConnector(config(Optional.of(OTHER)), node).health();
        node.goDown();
        LedgerHealth down = connector.health();

        assertThat(up.status()).isEqualTo(LedgerHealth.Status.UP);
        assertThat(up.detail()).hasValueSatisfying(detail -> assertThat(detail).contains(US, "platform version 12"));
        assertThat(wrongNode.status()).isEqualTo(LedgerHealth.Status.DOWN);
        assertThat(wrongNode.detail()).hasValueSatisfying(detail -> assertThat(detail).contains("configured " + OTHER));
        assertThat(down.status()).isEqualTo(LedgerHealth.Status.DOWN);
        assertThat(down.detail()).hasValueSatisfying(detail -> assertThat(detail).contains("down"));
    }

    @Test
    void anUnreachableNodeFailsAnchoringWithTheCatalogueCode() {
        node.goDown();

        assertFails(() -> connector.anchor(pointer("payments", 1)), ErrorCode.LEDGER_UNREACHABLE)
                .hasMessageContaining("no progress reported");
    }

    @Test
    void eventStreamingIsNotOffered() {
        assertFails(connector::headCheckpoint, ErrorCode.LEDGER_UNSUPPORTED_OPERATION);
        assertFails(() -> connector.subscribe(Checkpoint.beginning(), (batch, next) -> { }),
                ErrorCode.LEDGER_UNSUPPORTED_OPERATION);
    }

    @Test
    void closingTheConnectorClosesTheNode() {
        connector.close();

        assertThat(node.closed()).isTrue();
    }

    private HashPointer pointer(String application, long seq) {
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        return new HashPointer(digest, application, seq);
    }

    private static CordaLedgerConfig config(Optional<String> identity) {
        return new CordaLedgerConfig("corda-test", "127.0.0.1", 10_006, "cairn", "secret", identity, OBSERVERS,
                Duration.ofSeconds(30));
    }
}
