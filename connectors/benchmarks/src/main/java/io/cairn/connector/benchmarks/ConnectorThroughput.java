package io.cairn.connector.benchmarks;

import io.cairn.connector.evm.AnchorContractAbi;
import io.cairn.connector.evm.AnchorContractDeployer;
import io.cairn.connector.evm.EvmLedgerConfig;
import io.cairn.connector.evm.EvmLedgerConnector;
import io.cairn.connector.evm.EvmTransactionFactory;
import io.cairn.connector.evm.GasPolicy;
import io.cairn.connector.evm.TransactionType;
import io.cairn.connector.spi.Checkpoint;
import io.cairn.connector.spi.EventSubscription;
import io.cairn.connector.spi.FinalityModel;
import io.cairn.connector.spi.HashPointer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.http.HttpService;

/**
 * Anchors per second and events ingested per second through the EVM connector against a local anvil node,
 * each beside the node's raw throughput for the equivalent work measured in the same run:
 *
 * <ul>
 *   <li>raw anchoring: pre-signed {@code anchor(...)} transactions sent with {@code eth_sendRawTransaction},
 *       each followed by {@code eth_getTransactionReceipt} polling until included (what {@code anchor} waits
 *       for), with the same number of threads;</li>
 *   <li>raw ingestion: {@code eth_getLogs} over the same block ranges the subscription reads.</li>
 * </ul>
 *
 * <p>Usage: {@code java -jar connectors/benchmarks/target/benchmarks.jar [--anchors N] [--threads T]
 * [--pairs P] [--ingestion-pairs Q] [--anvil PATH]}.
 */
public final class ConnectorThroughput {

    private static final String DEV_KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final long CHAIN_ID = 7001;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** How long a transaction may sit in the node's pool before the pair is declared stalled. */
    static final Duration STALL_LIMIT = Duration.ofSeconds(15);

    private ConnectorThroughput() {
    }

    /** Runs the harness and prints the figures. */
    public static void main(String[] args) throws Exception {
        int chunk = intOption(args, "--anchors", 200);
        int threads = intOption(args, "--threads", 8);
        int pairs = intOption(args, "--pairs", 10);
        int passes = intOption(args, "--ingestion-pairs", 5);
        Path anvil = stringOption(args, "--anvil").map(Path::of).orElseGet(AnvilProcess::locate);
        try (AnvilProcess node = AnvilProcess.startZeroGas(anvil, CHAIN_ID)) {
            run(node, chunk, threads, pairs, passes);
        }
    }

    private static void run(AnvilProcess node, int chunk, int threads, int pairs, int passes) throws Exception {
        DevelopmentKeySigner signer = new DevelopmentKeySigner(DEV_KEY);
        EvmLedgerConfig config = AnchorContractDeployer.deploy(EvmLedgerConfig.builder().ledgerId("bench")
                .rpcUrl(node.url()).chainId(CHAIN_ID).keyAlias("bench").transactionType(TransactionType.EIP1559)
                .gasPolicy(GasPolicy.zero()).finality(FinalityModel.bftInstant())
                .receiptPollInterval(Duration.ofMillis(20)).eventPollInterval(Duration.ofMillis(10))
                .receiptTimeout(STALL_LIMIT), signer);
        HttpService rawService = new HttpService(node.url().toString(), new OkHttpClient.Builder()
                .connectTimeout(config.requestTimeout()).readTimeout(config.requestTimeout())
                .writeTimeout(config.requestTimeout()).retryOnConnectionFailure(false).build());
        Web3j raw = Web3j.build(rawService);
        EvmTransactionFactory factory = new EvmTransactionFactory(signer, "bench", CHAIN_ID);
        try (EvmLedgerConnector connector = EvmLedgerConnector.open(config, signer);
             EvmLedgerConnector unordered = EvmLedgerConnector.open(
                     config.toBuilder().orderedSubmission(false).build(), signer)) {
            Checkpoint start = connector.headCheckpoint();
            RawAnchoring rawAnchoring = new RawAnchoring(raw, factory, config.contractAddress(), config.gasLimit());
            List<Contender> contenders = List.of(
                    new Contender("connector anchor(), ordered submission (default)", connector),
                    new Contender("connector anchor(), unordered pipelining", unordered));
            anchoringRound(contenders, rawAnchoring, chunk, threads, 0, rawService);
            contenders.forEach(Contender::reset);
            for (int round = 0; round < pairs; round++) {
                anchoringRound(contenders, rawAnchoring, chunk, threads, round, rawService);
            }
            System.out.printf(Locale.ROOT, "anchoring, %d interleaved rounds x %d transactions each, %d threads:%n",
                    pairs, chunk, threads);
            for (Contender contender : contenders) {
                contender.totals.print("node raw (pre-signed send + receipt)", contender.label, "tx/s",
                        "anchors/s");
            }
            Totals ingestion = new Totals();
            for (int pair = 0; pair <= passes; pair++) {
                ingestionPair(connector, raw, config, start, pair % 2 == 0, pair == 0 ? new Totals() : ingestion);
            }
            System.out.printf(Locale.ROOT, "event ingestion, %d interleaved pairs after one warm-up pair, %d events"
                    + " per pass:%n", passes, ingestion.rawCount / passes);
            ingestion.print("node raw eth_getLogs", "connector subscription to a sink", "events/s", "events/s");
        } finally {
            raw.shutdown();
        }
    }

    /** One connector run of the anchoring benchmark and its own raw baseline. */
    private static final class Contender {
        private final String label;
        private final EvmLedgerConnector connector;
        private Totals totals = new Totals();

        Contender(String label, EvmLedgerConnector connector) {
            this.label = label;
            this.connector = connector;
        }

        void reset() {
            totals = new Totals();
        }
    }

    /**
     * For every contender, one raw run and one connector run, in alternating order. A pair counts only when
     * neither side stalled (anvil can leave a transaction whose nonce is due in its "queued" pool under
     * concurrent, out-of-order submission): such a pair is reported, the pool cleared, and the pair left out.
     */
    private static void anchoringRound(List<Contender> contenders, RawAnchoring rawAnchoring, int count,
                                       int threads, int round, HttpService rawService) throws Exception {
        for (Contender contender : contenders) {
            long rawNanos = 0;
            long connectorNanos = 0;
            try {
                for (int step = 0; step < 2; step++) {
                    if ((step == 0) == (round % 2 == 0)) {
                        rawNanos = rawAnchoring.run(count, threads);
                    } else {
                        connectorNanos = timeAnchors(contender.connector, count, threads);
                    }
                }
            } catch (ExecutionException stalled) {
                System.out.println("pair left out, the node stalled: " + stalled.getCause().getMessage());
                new Request<>("anvil_dropAllTransactions", List.of(), rawService, VoidResponse.class).send();
                contender.totals.stalls++;
                continue;
            }
            contender.totals.addRaw(count, rawNanos);
            contender.totals.addConnector(count, connectorNanos);
        }
    }

    private static long timeAnchors(EvmLedgerConnector connector, int count, int threads) throws Exception {
        connector.resynchroniseNonces();
        long started = System.nanoTime();
        Parallel.run(count, threads, i -> connector.anchor(pointer()));
        return System.nanoTime() - started;
    }

    private static void ingestionPair(EvmLedgerConnector connector, Web3j raw, EvmLedgerConfig config,
                                      Checkpoint start, boolean rawFirst, Totals totals) throws Exception {
        for (int step = 0; step < 2; step++) {
            if ((step == 0) == rawFirst) {
                long started = System.nanoTime();
                long events = scanLogs(raw, config, start);
                totals.addRaw(events, System.nanoTime() - started);
            } else {
                long started = System.nanoTime();
                long events = subscribeUntilCaughtUp(connector, raw, start);
                totals.addConnector(events, System.nanoTime() - started);
            }
        }
    }

    private static long scanLogs(Web3j raw, EvmLedgerConfig config, Checkpoint start) throws Exception {
        long head = raw.ethBlockNumber().send().getBlockNumber().longValueExact();
        long events = 0;
        for (long from = start.blockNumber() + 1; from <= head; from += config.maxBlockRange()) {
            long to = Math.min(head, from + config.maxBlockRange() - 1);
            events += raw.ethGetLogs(new EthFilter(block(from), block(to), config.contractAddress())).send()
                    .getLogs().size();
        }
        return events;
    }

    private static long subscribeUntilCaughtUp(EvmLedgerConnector connector, Web3j raw, Checkpoint start)
            throws Exception {
        long head = raw.ethBlockNumber().send().getBlockNumber().longValueExact();
        AtomicLong delivered = new AtomicLong();
        AtomicLong reached = new AtomicLong(start.blockNumber());
        try (EventSubscription subscription = connector.subscribe(start, (batch, next) -> {
            delivered.addAndGet(batch.size());
            reached.set(next.blockComplete() ? next.blockNumber() : next.blockNumber() - 1);
        })) {
            while (reached.get() < head && subscription.state() == EventSubscription.State.RUNNING) {
                Thread.sleep(0, 100_000);
            }
        }
        return delivered.get();
    }

    /** Accumulated counts and times of both sides. */
    private static final class Totals {
        private long rawCount;
        private long rawNanos;
        private long connectorCount;
        private long connectorNanos;
        private int stalls;

        void addRaw(long count, long nanos) {
            rawCount += count;
            rawNanos += nanos;
        }

        void addConnector(long count, long nanos) {
            connectorCount += count;
            connectorNanos += nanos;
        }

        void print(String rawLabel, String connectorLabel, String rawUnit, String connectorUnit) {
            double rawRate = rawCount / (rawNanos / 1e9);
            double connectorRate = connectorCount / (connectorNanos / 1e9);
            if (stalls > 0) {
                System.out.printf(Locale.ROOT, "  (%d stalled pairs left out)%n", stalls);
            }
            System.out.printf(Locale.ROOT, "  %-50s %9.1f %s%n", rawLabel, rawRate, rawUnit);
            System.out.printf(Locale.ROOT, "  %-50s %9.1f %s%n", connectorLabel, connectorRate, connectorUnit);
            System.out.printf(Locale.ROOT, "  %-50s %9.1f %%%n", "  overhead", (1 - connectorRate / rawRate) * 100);
        }
    }

    static HashPointer pointer() {
        byte[] digest = new byte[32];
        RANDOM.nextBytes(digest);
        return new HashPointer(digest, "bench", SEQUENCE.getAndIncrement());
    }

    static String anchorCall() {
        return AnchorContractAbi.anchorCall(pointer());
    }

    static DefaultBlockParameter block(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }

    static DefaultBlockParameter pending() {
        return DefaultBlockParameterName.PENDING;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static int intOption(String[] args, String name, int fallback) {
        return stringOption(args, name).map(Integer::parseInt).orElse(fallback);
    }

    private static java.util.Optional<String> stringOption(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return java.util.Optional.of(args[i + 1]);
            }
        }
        return java.util.Optional.empty();
    }
}
