package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.AnchorStatus;
import io.cairn.connector.spi.Checkpoint;
import io.cairn.connector.spi.EventSubscription;
import io.cairn.connector.spi.FinalityModel;
import io.cairn.connector.spi.HashPointer;
import io.cairn.connector.spi.LedgerEvent;
import io.cairn.connector.spi.LedgerHealth;
import io.cairn.connector.tck.RecordingSink;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** EVM-specific behaviour against a real anvil node: nonces, reorganisations, mid-block batches, outages. */
@Tag("integration")
class EvmConnectorBehaviourIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static Path stateFile;
    private static AnvilNode anvil;
    private static SoftwareKeySigner signer;
    private static EvmLedgerConnector connector;

    @BeforeAll
    static void startNode() throws IOException {
        stateFile = Files.createTempFile("anvil-state-", ".json");
        Files.delete(stateFile);
        anvil = AnvilNode.start(5151, "--state", stateFile.toString());
        signer = new SoftwareKeySigner().withHex("anchor", SoftwareKeySigner.ANVIL_DEV_KEY_0);
        EvmLedgerConfig.Builder settings = EvmLedgerConfig.builder().ledgerId("anvil-behaviour")
                .rpcUrl(anvil.url()).chainId(anvil.chainId()).keyAlias("anchor")
                .finality(FinalityModel.depth(2)).receiptPollInterval(Duration.ofMillis(20))
                .eventPollInterval(Duration.ofMillis(50)).requestTimeout(Duration.ofSeconds(3));
        connector = EvmLedgerConnector.open(AnchorContractDeployer.deploy(settings, signer), signer);
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (connector != null) {
            connector.close();
        }
        if (anvil != null) {
            anvil.close();
        }
        Files.deleteIfExists(stateFile);
    }

    private static HashPointer pointer() {
        byte[] digest = new byte[32];
        RANDOM.nextBytes(digest);
        return new HashPointer(digest, "behaviour", RANDOM.nextLong(1L << 40));
    }

    @Test
    void pipelinedAnchorsUseContiguousNonces() throws Exception {
        long before = nonceCount();
        List<AnchorReceipt> receipts = anchorConcurrently(connector, 24, 8);

        List<Long> nonces = receipts.stream().map(r -> txNonce(r.transactionId())).sorted().toList();
        assertThat(nonces).hasSize(24).doesNotHaveDuplicates();
        assertThat(nonces.getFirst()).isEqualTo(before);
        assertThat(nonces.getLast()).isEqualTo(before + 23);
        assertThat(nonceCount()).isEqualTo(before + 24);
    }

    @Test
    void aConnectorWhoseNonceWasTakenElsewhereRecovers() {
        connector.anchor(pointer());
        try (EvmLedgerConnector other = EvmLedgerConnector.open(connector.config(), signer)) {
            other.anchor(pointer());
        }
        AnchorReceipt after = connector.anchor(pointer());
        assertThat(connector.verifyAnchor(after)).isInstanceOfAny(AnchorStatus.Confirmed.class,
                AnchorStatus.Final.class);
    }

    @Test
    void aReplacedBlockIsReportedAsForkedWithTheCanonicalHash() {
        AnchorReceipt receipt = connector.anchor(pointer());

        anvil.call("anvil_reorg", 1, List.of());

        AnchorStatus status = connector.verifyAnchor(receipt);
        assertThat(status).isInstanceOfSatisfying(AnchorStatus.Forked.class, forked -> {
            assertThat(forked.canonicalBlockHash()).isNotEqualToIgnoringCase(receipt.blockHash());
            assertThat(forked.reincluded()).isEmpty();
        });
        connector.resynchroniseNonces();
    }

    @Test
    void aChainRolledBackBelowTheAnchorReportsMissing() {
        String snapshot = anvil.snapshot();
        AnchorReceipt receipt = connector.anchor(pointer());

        anvil.revert(snapshot);

        assertThat(connector.verifyAnchor(receipt)).isInstanceOf(AnchorStatus.Missing.class);
        connector.resynchroniseNonces();
    }

    @Test
    void batchesSplitInsideABlockAndResumeMidBlock() throws Exception {
        Checkpoint start = connector.headCheckpoint();
        List<AnchorReceipt> receipts = anchorInOneBlock(5);
        assertThat(receipts).extracting(AnchorReceipt::blockNumber).containsOnly(receipts.getFirst().blockNumber());

        try (EvmLedgerConnector small = EvmLedgerConnector.open(connector.config().toBuilder().maxBatchSize(2).build(),
                signer)) {
            RecordingSink sink = new RecordingSink(start);
            try (EventSubscription subscription = small.subscribe(start, sink)) {
                await(() -> ours(sink.committed(), receipts).size() == 5);
                assertThat(subscription.state()).isEqualTo(EventSubscription.State.RUNNING);
            }
            List<RecordingSink.Delivery> nonEmpty = sink.attempts().stream().filter(d -> !d.batch().isEmpty()).toList();
            assertThat(nonEmpty).extracting(d -> d.batch().size()).containsExactly(2, 2, 1);
            Checkpoint midBlock = nonEmpty.getFirst().next();
            assertThat(midBlock.blockComplete()).isFalse();
            assertThat(ours(sink.committed(), receipts)).isEqualTo(inLedgerOrder(receipts));

            RecordingSink resumed = new RecordingSink(midBlock);
            try (EventSubscription again = small.subscribe(midBlock, resumed)) {
                await(() -> ours(resumed.committed(), receipts).size() == 3);
                assertThat(again.state()).isEqualTo(EventSubscription.State.RUNNING);
            }
            assertThat(ours(resumed.committed(), receipts)).isEqualTo(inLedgerOrder(receipts).subList(2, 5));
        }
    }

    @Test
    void aSubscriptionFromTheBeginningDeliversTheWholeHistoryOnce() {
        connector.anchor(pointer());
        List<?> onChain = (List<?>) anvil.call("eth_getLogs", Map.of("address", connector.config().contractAddress(),
                "fromBlock", "0x0", "toBlock", "latest"));
        RecordingSink sink = new RecordingSink(Checkpoint.beginning());
        try (EventSubscription subscription = connector.subscribe(Checkpoint.beginning(), sink)) {
            await(() -> sink.committed().size() >= onChain.size());
            assertThat(subscription.state()).isEqualTo(EventSubscription.State.RUNNING);
        }
        assertThat(sink.committed()).hasSize(onChain.size());
        assertThat(sink.committed()).extracting(LedgerEvent::transactionId).containsExactlyElementsOf(
                onChain.stream().map(log -> (String) ((Map<?, ?>) log).get("transactionHash")).toList());
    }

    @Test
    void anOutageIsReportedAndEverythingResumesAfterIt() throws IOException {
        Checkpoint start = connector.headCheckpoint();
        RecordingSink sink = new RecordingSink(start);
        List<AnchorReceipt> receipts = new ArrayList<>();
        try (EventSubscription subscription = connector.subscribe(start, sink)) {
            receipts.add(connector.anchor(pointer()));
            anvil.stop();

            assertThat(connector.health().status()).isEqualTo(LedgerHealth.Status.DOWN);
            assertThatThrownBy(() -> connector.anchor(pointer())).isInstanceOfSatisfying(CairnException.class,
                    e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_UNREACHABLE));

            anvil.restart();
            assertThat(connector.health().status()).isEqualTo(LedgerHealth.Status.UP);
            receipts.add(connector.anchor(pointer()));
            await(() -> ours(sink.committed(), receipts).size() == 2);
            assertThat(subscription.state()).isEqualTo(EventSubscription.State.RUNNING);
        }
        assertThat(ours(sink.committed(), receipts)).isEqualTo(inLedgerOrder(receipts));
        assertThat(connector.findAnchors(receipts.getFirst().hashPointer())).containsExactly(receipts.getFirst());
    }

    // ------------------------------------------------------------------------------------------------

    private List<AnchorReceipt> anchorInOneBlock(int count) throws Exception {
        anvil.call("evm_setAutomine", false);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<AnchorReceipt>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> connector.anchor(pointer())));
            }
            await(() -> pendingTransactions() >= count);
            anvil.call("evm_mine");
            List<AnchorReceipt> receipts = new ArrayList<>();
            for (Future<AnchorReceipt> future : futures) {
                receipts.add(future.get());
            }
            return receipts;
        } finally {
            anvil.call("evm_setAutomine", true);
            pool.shutdownNow();
        }
    }

    private static List<AnchorReceipt> anchorConcurrently(EvmLedgerConnector target, int count, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<AnchorReceipt>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> target.anchor(pointer())));
            }
            List<AnchorReceipt> receipts = new ArrayList<>();
            for (Future<AnchorReceipt> future : futures) {
                receipts.add(future.get());
            }
            return receipts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long pendingTransactions() {
        Object status = anvil.call("txpool_status");
        Object pending = ((Map<?, ?>) status).get("pending");
        return pending instanceof String hex ? new BigInteger(hex.substring(2), 16).longValue()
                : ((Number) pending).longValue();
    }

    private static long nonceCount() {
        String hex = (String) anvil.call("eth_getTransactionCount", connector.senderAddress(), "pending");
        return new BigInteger(hex.substring(2), 16).longValueExact();
    }

    private static long txNonce(String txHash) {
        Map<?, ?> tx = (Map<?, ?>) anvil.call("eth_getTransactionByHash", txHash);
        return new BigInteger(((String) tx.get("nonce")).substring(2), 16).longValueExact();
    }

    private static List<HashPointer> ours(List<LedgerEvent> events, List<AnchorReceipt> receipts) {
        List<HashPointer> wanted = receipts.stream().map(AnchorReceipt::hashPointer).toList();
        return events.stream().flatMap(e -> e.anchor().stream()).filter(wanted::contains).toList();
    }

    private static List<HashPointer> inLedgerOrder(List<AnchorReceipt> receipts) {
        return receipts.stream().sorted(Comparator.comparingLong(AnchorReceipt::blockNumber)
                .thenComparingLong(AnchorReceipt::position)).map(AnchorReceipt::hashPointer).toList();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            AnchorSubmitter.pause(Duration.ofMillis(20));
        }
    }
}
