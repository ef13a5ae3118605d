package io.cairn.connector.fabric.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Anchors a hash pointer on a real Fabric network (one Raft orderer, two organisations, the anchoring
 * chaincode as a service endorsed by both) through the Fabric Gateway, and reads the {@code Anchored}
 * chaincode event back.
 */
@Tag("integration")
class FabricAnchoringIT {

    private static final int BASE_PORT = 27150;
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    private static FabricTestnet testnet;
    private static ManagedChannel channel;
    private static Gateway gateway;
    private static long phaseStart;

    @BeforeAll
    static void startNetwork() throws Exception {
        phaseStart = System.nanoTime();
        Path jar = Path.of(System.getProperty("cairn.fabric.chaincode.jar", "target/chaincode/missing.jar"));
        Path runDir = Path.of(System.getProperty("cairn.fabric.run.dir", "target/fabric-testnet"));
        testnet = FabricTestnet.start(jar, runDir.toAbsolutePath(), BASE_PORT);
        System.out.println("Fabric peer: " + testnet.get("FABRIC_PEER_VERSION_OUTPUT"));
        System.out.println("Fabric orderer: " + testnet.get("FABRIC_ORDERER_VERSION_OUTPUT"));
        System.out.println("Fabric network startup (up.sh incl. chaincode deployment): "
                + testnet.startup().toMillis() + " ms");
        channel = Grpc.newChannelBuilder(testnet.get("ORG1_PEER_ENDPOINT"),
                        TlsChannelCredentials.newBuilder().trustManager(testnet.path("ORG1_PEER_TLS_CA").toFile())
                                .build())
                .overrideAuthority(testnet.get("ORG1_PEER_HOST_OVERRIDE")).build();
        gateway = connect("ORG1");
    }

    private static Gateway connect(String org) throws IOException, CertificateException, InvalidKeyException {
        X509Identity identity;
        try (Reader cert = Files.newBufferedReader(testnet.path(org + "_USER_CERT"))) {
            identity = new X509Identity(testnet.get(org + "_MSP_ID"), Identities.readX509Certificate(cert));
        }
        try (Reader key = Files.newBufferedReader(testnet.path(org + "_USER_KEY"))) {
            return Gateway.newInstance().identity(identity).signer(Signers.newPrivateKeySigner(
                            Identities.readPrivateKey(key))).hash(Hash.SHA256).connection(channel)
                    .evaluateOptions(deadline(30)).endorseOptions(deadline(30))
                    .submitOptions(deadline(30)).commitStatusOptions(deadline(60))
                    .connect();
        }
    }

    private static UnaryOperator<CallOptions> deadline(long seconds) {
        return options -> options.withDeadlineAfter(seconds, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopNetwork() throws Exception {
        try {
            if (testnet != null) {
                System.out.println("Fabric process RSS (KiB): " + testnet.residentMemoryKib());
            }
            if (gateway != null) {
                gateway.close();
            }
            if (channel != null) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } finally {
            if (testnet != null) {
                testnet.close();
                System.out.println("Fabric test phase (start, tests, stop): "
                        + Duration.ofNanos(System.nanoTime() - phaseStart).toMillis() + " ms");
            }
        }
    }

    @Test
    void anchorIsCommittedAndItsEventReadBack() throws Exception {
        Network network = gateway.getNetwork(testnet.get("CHANNEL"));
        Contract contract = network.getContract(testnet.get("CHAINCODE_NAME"));
        byte[] digest = new byte[32];
        new Random(20_261_121L).nextBytes(digest);
        String hex = HexFormat.of().formatHex(digest);

        long begin = System.nanoTime();
        SubmittedTransaction tx = contract.newProposal("anchor").addArguments(hex, "payments", "42")
                .build().endorse().submitAsync();
        Status status = tx.getStatus();
        System.out.println("anchor submit to commit: " + (System.nanoTime() - begin) / 1_000_000 + " ms, block "
                + status.getBlockNumber());
        assertThat(status.isSuccessful()).as("commit status %s", status.getCode()).isTrue();
        String expected = "{\"hashPointer\":\"" + hex + "\",\"application\":\"payments\",\"blockSeq\":42,"
                + "\"txId\":\"" + tx.getTransactionId() + "\",\"mspId\":\"" + testnet.get("ORG1_MSP_ID") + "\"}";
        assertThat(new String(tx.getResult(), StandardCharsets.UTF_8)).isEqualTo(expected);

        ChaincodeEvent event = readEvent(network, status.getBlockNumber(), tx.getTransactionId());
        assertThat(event.getEventName()).isEqualTo("Anchored");
        assertThat(event.getChaincodeName()).isEqualTo(testnet.get("CHAINCODE_NAME"));
        assertThat(event.getBlockNumber()).isEqualTo(status.getBlockNumber());
        assertThat(new String(event.getPayload(), StandardCharsets.UTF_8)).isEqualTo(expected);

        // the anchor is found again by transaction id in the peer's block store (qscc)
        ProcessedTransaction stored = ProcessedTransaction.parseFrom(network.getContract("qscc")
                .evaluateTransaction("GetTransactionByID", testnet.get("CHANNEL"), tx.getTransactionId()));
        assertThat(stored.getValidationCode()).isEqualTo(TxValidationCode.VALID_VALUE);
        assertThat(stored.getTransactionEnvelope().getPayload().isEmpty()).isFalse();
    }

    @Test
    void malformedAnchorIsRefusedAtEndorsement() {
        Contract contract = gateway.getNetwork(testnet.get("CHANNEL")).getContract(testnet.get("CHAINCODE_NAME"));
        assertThatThrownBy(() -> contract.submitTransaction("anchor", "not-hex", "payments", "1"))
                .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails())
                        .isNotEmpty()
                        .allSatisfy(d -> assertThat(d.getMessage()).contains("hashPointerHex")));
    }

    private static ChaincodeEvent readEvent(Network network, long block, String txId) {
        try (CloseableIterator<ChaincodeEvent> events = network
                .newChaincodeEventsRequest(testnet.get("CHAINCODE_NAME")).startBlock(block).build()
                .getEvents(deadline(EVENT_TIMEOUT.toSeconds()))) {
            while (events.hasNext()) {
                ChaincodeEvent event = events.next();
                if (event.getTransactionId().equals(txId)) {
                    return event;
                }
            }
        }
        throw new AssertionError("no chaincode event for transaction " + txId);
    }
}
