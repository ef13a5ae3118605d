package io.cairn.connector.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.Checkpoint;
import io.cairn.connector.spi.EventSubscription;
import io.cairn.connector.spi.HashPointer;
import io.cairn.connector.spi.LedgerEvent;
import io.cairn.connector.spi.LedgerTransaction;
import io.cairn.connector.tck.RecordingSink;
import java.io.Reader;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Anchoring end to end on the native Fabric network with the SoftHSM identity: events read back from a
 * checkpoint across a listener restart, the signatures checked the way Fabric checks them, anchors told
 * apart by identity, block hashes matching the peer's.
 */
@Tag("integration")
class FabricConnectorIT {

    private static final AtomicLong SEQ = new AtomicLong();

    private static FabricTestLedger ledger;
    private static FabricConnector connector;

    private final String application = "e2e-" + Long.toHexString(System.nanoTime());

    @BeforeAll
    static void startNetwork() throws Exception {
        ledger = FabricTestLedger.start("e2e", 27350);
        connector = ledger.connector();
    }

    @AfterAll
    static void stopNetwork() throws Exception {
        FabricTestLedger.stop(ledger);
    }

    @Test
    void hsmSignedAnchorsAreStreamedExactlyOnceAcrossAListenerRestart() {
        Checkpoint start = connector.headCheckpoint();
        RecordingSink sink = new RecordingSink(start);
        List<AnchorReceipt> receipts = new ArrayList<>();

        try (EventSubscription first = connector.subscribe(start, sink)) {
            receipts.addAll(anchor(3));
            FabricTestLedger.await("first three anchors delivered", () -> ours(sink).size() == 3);
            assertThat(first.state()).isEqualTo(EventSubscription.State.RUNNING);
        }
        Checkpoint stored = sink.checkpoint();
        receipts.addAll(anchor(3));       // the listener is stopped: these wait in the ledger
        try (EventSubscription second = connector.subscribe(stored, sink)) {
            receipts.addAll(anchor(2));
            FabricTestLedger.await("all eight anchors delivered", () -> ours(sink).size() >= 8);
            assertThat(second.state()).isEqualTo(EventSubscription.State.RUNNING);
        }

        List<LedgerEvent> events = ours(sink);
        assertThat(events).extracting(LedgerEvent::anchor).containsExactlyElementsOf(receipts.stream()
                .map(r -> Optional.of(r.hashPointer())).toList());
        assertThat(events).extracting(LedgerEvent::transactionId)
                .containsExactlyElementsOf(receipts.stream().map(AnchorReceipt::transactionId).toList());
        assertThat(events).allSatisfy(e -> assertThat(e.attributes()).containsEntry("creatorMspId", "Org1MSP"));
        LedgerTransaction tx = connector.transaction(receipts.getFirst().transactionId()).orElseThrow();
        assertThat(tx.sender()).startsWith("Org1MSP:").contains("CN=cairn-e2e@org1.cairn.test");
        assertThat(tx.target()).contains(ledger.config().chaincode());
    }

    @Test
    void aListenerStoppedInsideABlockResumesAfterItsLastEvent() throws Exception {
        try (FabricConnector small = FabricConnector.open(ledger.config().toBuilder().maxBatchSize(1).build(),
                ledger.signer())) {
            Checkpoint start = small.headCheckpoint();
            RecordingSink sink = new RecordingSink(start);
            AtomicBoolean stopAfterOne = new AtomicBoolean(true);
            sink.reject(Integer.MAX_VALUE, batch -> stopAfterOne.get() && !ours(sink).isEmpty());
            List<AnchorReceipt> receipts = anchorConcurrently(small, 4);
            Checkpoint stored;
            try (EventSubscription first = small.subscribe(start, sink)) {
                FabricTestLedger.await("one anchor delivered", () -> ours(sink).size() == 1);
                stored = sink.checkpoint();
                assertThat(first.acknowledged()).isEqualTo(stored);
            }
            stopAfterOne.set(false);
            try (EventSubscription second = small.subscribe(stored, sink)) {
                FabricTestLedger.await("all anchors delivered", () -> ours(sink).size() >= 4);
                assertThat(second.state()).isEqualTo(EventSubscription.State.RUNNING);
            }

            long blocks = receipts.stream().mapToLong(AnchorReceipt::blockNumber).distinct().count();
            System.out.println("4 concurrent anchors landed in " + blocks + " block(s); listener stopped at "
                    + stored + (stored.blockComplete() ? "" : " (inside the block)"));
            assertThat(ours(sink)).extracting(e -> e.anchor().orElseThrow()).containsExactlyElementsOf(receipts
                    .stream().sorted(Comparator.comparingLong(AnchorReceipt::blockNumber)
                            .thenComparingLong(AnchorReceipt::position)).map(AnchorReceipt::hashPointer).toList());
        }
    }

    @Test
    void everySignatureTheConnectorMadeVerifiesUnderFabricRules() throws Exception {
        int before = ledger.signer().signed().size();
        AnchorReceipt receipt = connector.anchor(pointer());
        // the peers endorsed and committed it: the identity and its signatures passed Fabric's own checks
        assertThat(connector.transaction(receipt.transactionId()).orElseThrow().outcome())
                .isEqualTo(LedgerTransaction.Outcome.SUCCEEDED);

        X509Certificate certificate = FabricIdentity.certificate("test", ledger.config().identityCertificatePem());
        List<HsmTransactionSigner.Signed> signed = ledger.signer().signed().subList(before,
                ledger.signer().signed().size());
        assertThat(signed).isNotEmpty();
        int proposals = 0;
        int envelopes = 0;
        for (HsmTransactionSigner.Signed s : signed) {
            assertThat(verifies(certificate.getPublicKey(), s.payload(), s.der())).isTrue();
            assertThat(SigningSeam.HALF_ORDER.compareTo(lowS(s.der()))).isNotNegative();
            byte[] tampered = s.payload().clone();
            tampered[tampered.length / 2] ^= 1;
            assertThat(verifies(certificate.getPublicKey(), tampered, s.der())).isFalse();
            List<String> endorsers = endorsersOf(s.payload(), receipt.transactionId());
            if (!endorsers.isEmpty()) {
                envelopes++;
                // the channel's MAJORITY endorsement policy: both organisations' peers signed the proposal response
                assertThat(endorsers).containsExactlyInAnyOrder("Org1MSP", "Org2MSP");
            } else if (proposalOf(s.payload(), receipt.transactionId()).isPresent()) {
                proposals++;
                SerializedIdentity creator = creatorOf(proposalOf(s.payload(), receipt.transactionId()).get());
                assertThat(creator.getMspid()).isEqualTo("Org1MSP");
                assertThat(Identities.readX509Certificate(creator.getIdBytes().toStringUtf8())).isEqualTo(certificate);
            }
        }
        assertThat(proposals).as("signed proposals of the anchor").isEqualTo(1);
        assertThat(envelopes).as("signed transaction envelopes of the anchor").isEqualTo(1);
    }

    @Test
    void findAnchorsReportsOnlyTheAnchorsOfThisIdentity() throws Exception {
        try (FabricConnector user1 = FabricConnector.open(FabricTestLedger.configFor(ledger.testnet(),
                Files.readString(ledger.testnet().path("ORG1_USER_CERT")), "user1"), user1Signer())) {
            HashPointer pointer = pointer();
            AnchorReceipt ours = connector.anchor(pointer);
            AnchorReceipt theirs = user1.anchor(pointer);

            assertThat(connector.findAnchors(pointer)).containsExactly(ours);
            assertThat(user1.findAnchors(pointer)).containsExactly(theirs);
            assertThat(connector.verifyAnchor(theirs).isFinal()).isTrue();
        }
    }

    @Test
    void receiptsCarryThePeersBlockHash() {
        AnchorReceipt receipt = connector.anchor(pointer());
        // GetChainInfo's current block hash is computed by the peer; the receipt's by the connector
        Checkpoint head = connector.headCheckpoint();
        if (head.blockNumber() == receipt.blockNumber()) {
            assertThat(head.blockHash()).contains(receipt.blockHash());
        }
        AnchorReceipt next = connector.anchor(pointer());
        assertThat(next.blockNumber()).isGreaterThan(receipt.blockNumber());
        assertThat(connector.headCheckpoint()).isEqualTo(Checkpoint.afterBlock(next.blockNumber(), next.blockHash()));
    }

    // ------------------------------------------------------------------------------------------------

    private HashPointer pointer() {
        byte[] digest = new byte[32];
        new Random(System.nanoTime()).nextBytes(digest);
        return new HashPointer(digest, application, SEQ.getAndIncrement());
    }

    private List<AnchorReceipt> anchor(int count) {
        List<AnchorReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            receipts.add(connector.anchor(pointer()));
        }
        return receipts;
    }

    private List<AnchorReceipt> anchorConcurrently(FabricConnector target, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<AnchorReceipt>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HashPointer p = pointer();
                futures.add(pool.submit(() -> target.anchor(p)));
            }
            List<AnchorReceipt> receipts = new ArrayList<>();
            for (Future<AnchorReceipt> f : futures) {
                receipts.add(f.get());
            }
            return receipts;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<LedgerEvent> ours(RecordingSink sink) {
        return sink.committed().stream()
                .filter(e -> e.anchor().map(p -> p.application().equals(application)).orElse(false)).toList();
    }

    private static SoftwareP256Signer user1Signer() throws Exception {
        X509Certificate cert;
        try (Reader reader = Files.newBufferedReader(ledger.testnet().path("ORG1_USER_CERT"))) {
            cert = Identities.readX509Certificate(reader);
        }
        try (Reader reader = Files.newBufferedReader(ledger.testnet().path("ORG1_USER_KEY"))) {
            return new SoftwareP256Signer("user1", new KeyPair(cert.getPublicKey(), Identities.readPrivateKey(reader)));
        }
    }

    private static boolean verifies(PublicKey key, byte[] payload, byte[] der) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(payload);
        return verifier.verify(der);
    }

    private static java.math.BigInteger lowS(byte[] der) {
        return org.bouncycastle.asn1.ASN1Integer.getInstance(
                org.bouncycastle.asn1.ASN1Sequence.getInstance(der).getObjectAt(1)).getValue();
    }

    /** The payload as a {@code peer.Proposal} of transaction {@code txId}, if it is one. */
    private static Optional<Header> proposalOf(byte[] payload, String txId) {
        try {
            Header header = Header.parseFrom(Proposal.parseFrom(payload).getHeader());
            return txId.equals(ChannelHeader.parseFrom(header.getChannelHeader()).getTxId())
                    && !Proposal.parseFrom(payload).getPayload().isEmpty() ? Optional.of(header) : Optional.empty();
        } catch (InvalidProtocolBufferException e) {
            return Optional.empty();
        }
    }

    /**
     * The MSP ids of the endorsements, when the payload is the {@code common.Payload} of the transaction
     * envelope of {@code txId}; empty otherwise.
     */
    private static List<String> endorsersOf(byte[] payload, String txId) {
        try {
            Payload parsed = Payload.parseFrom(payload);
            if (!txId.equals(ChannelHeader.parseFrom(parsed.getHeader().getChannelHeader()).getTxId())) {
                return List.of();
            }
            Transaction tx = Transaction.parseFrom(parsed.getData());
            if (tx.getActionsCount() != 1) {
                return List.of();
            }
            List<String> msps = new ArrayList<>();
            for (Endorsement e : ChaincodeActionPayload.parseFrom(tx.getActions(0).getPayload()).getAction()
                    .getEndorsementsList()) {
                msps.add(SerializedIdentity.parseFrom(e.getEndorser()).getMspid());
            }
            return msps;
        } catch (InvalidProtocolBufferException e) {
            return List.of();
        }
    }

    private static SerializedIdentity creatorOf(Header header) throws InvalidProtocolBufferException {
        return SerializedIdentity.parseFrom(SignatureHeader.parseFrom(header.getSignatureHeader()).getCreator());
    }
}
