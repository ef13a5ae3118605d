package io.cairn.connector.evm;

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
import io.cairn.connector.spi.TransactionSigner;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * {@link LedgerConnector} for Hyperledger Besu and any Ethereum JSON-RPC node.
 *
 * <p>Anchors are {@code CairnAnchor.anchor(...)} calls; each emits one {@code Anchored} log whose position
 * (log index) is the receipt's position. Create with {@link #open(EvmLedgerConfig, TransactionSigner)}.
 */
public final class EvmLedgerConnector implements LedgerConnector {

    private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

    private final EvmLedgerConfig config;
    private final EvmNode node;
    private final EvmTransactionFactory factory;
    private final AnchorSubmitter submitter;
    private final AnchorLookup lookup;
    private final LogReader reader;
    private final HealthProbe probe;
    private final Set<LogSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    private EvmLedgerConnector(EvmLedgerConfig config, EvmNode node, TransactionSigner signer, NonceSource nonces) {
        this.config = config;
        this.node = node;
        this.factory = new EvmTransactionFactory(signer, config.keyAlias(), config.chainId());
        this.submitter = new AnchorSubmitter(config, node, factory, nonces);
        this.lookup = new AnchorLookup(config, node, factory.address());
        this.reader = new LogReader(config, node);
        this.probe = new HealthProbe(config, node);
    }

    /** A connector with an in-memory nonce source, recovered from the node on first use. */
    public static EvmLedgerConnector open(EvmLedgerConfig config, TransactionSigner signer) {
        return open(config, signer, new InMemoryNonceSource());
    }

    /** A connector with the given nonce source (a durable one in the appliance). */
    public static EvmLedgerConnector open(EvmLedgerConfig config, TransactionSigner signer, NonceSource nonces) {
        return new EvmLedgerConnector(config, new EvmNode(RpcTransport.open(config)), signer, nonces);
    }

    /** The configuration this connector runs with. */
    public EvmLedgerConfig config() {
        return config;
    }

    /** The sending account. */
    public String senderAddress() {
        return factory.address();
    }

    /** Makes the next anchor re-read the account's nonce from the node (after an operator reset or a reorg). */
    public void resynchroniseNonces() {
        submitter.resynchronise();
    }

    @Override
    public String ledgerId() {
        return config.ledgerId();
    }

    @Override
    public FinalityModel finality() {
        return config.finality();
    }

    @Override
    public AnchorReceipt anchor(HashPointer hashPointer) {
        return submitter.anchor(hashPointer);
    }

    @Override
    public AnchorStatus verifyAnchor(AnchorReceipt receipt) {
        return lookup.verify(receipt);
    }

    @Override
    public List<AnchorReceipt> findAnchors(HashPointer hashPointer) {
        return lookup.find(hashPointer);
    }

    @Override
    public Optional<LedgerTransaction> transaction(String transactionId) {
        if (!TX_HASH.matcher(transactionId).matches()) {
            return Optional.empty();
        }
        return node.transaction(transactionId).map(tx -> describe(tx, node.receipt(transactionId)));
    }

    @Override
    public LedgerHealth health() {
        return probe.check();
    }

    @Override
    public Checkpoint headCheckpoint() {
        return reader.head();
    }

    @Override
    public EventSubscription subscribe(Checkpoint from, LedgerEventSink sink) {
        LogSubscription subscription = new LogSubscription(reader, from, sink, config.eventPollInterval(),
                "cairn-events-" + config.ledgerId());
        subscriptions.removeIf(running -> running.state() != EventSubscription.State.RUNNING);
        subscriptions.add(subscription);
        return subscription.start();
    }

    @Override
    public void close() {
        subscriptions.forEach(LogSubscription::close);
        subscriptions.clear();
        node.close();
    }

    private LedgerTransaction describe(Transaction tx, Optional<TransactionReceipt> receipt) {
        LedgerTransaction.Outcome outcome = receipt.map(r -> r.isStatusOK() ? LedgerTransaction.Outcome.SUCCEEDED
                : LedgerTransaction.Outcome.FAILED).orElse(LedgerTransaction.Outcome.PENDING);
        return new LedgerTransaction(config.ledgerId(), tx.getHash(), outcome,
                receipt.map(r -> HexQuantity.parse(r.getBlockNumberRaw())), receipt.map(TransactionReceipt::getBlockHash),
                tx.getFrom(), Optional.ofNullable(tx.getTo()));
    }
}
