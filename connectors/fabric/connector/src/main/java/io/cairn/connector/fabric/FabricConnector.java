package io.cairn.connector.fabric;

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
import io.cairn.connector.spi.SignatureScheme;
import io.cairn.connector.spi.SignerKey;
import io.cairn.connector.spi.TransactionSigner;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.common.Config;

/**
 * A {@link LedgerConnector} for one Hyperledger Fabric channel, through the Fabric Gateway of one peer
 * (fabric-gateway over gRPC/TLS) and Cairn's anchoring chaincode.
 *
 * <ul>
 *   <li>{@link #anchor} submits {@code anchor(hex, application, blockSeq)}, waits for the commit status and
 *       reads the commit block from the peer ({@code qscc GetBlockByNumber}) for the receipt's block hash
 *       and the transaction's index in the block (the receipt's position).</li>
 *   <li>{@link #verifyAnchor} and {@link #transaction} look the transaction up with {@code qscc
 *       GetBlockByTxID}; {@link #findAnchors} reads the channel's blocks once, in order, and keeps the
 *       anchors this identity wrote.</li>
 *   <li>{@link #subscribe} streams block events from the checkpoint's block and delivers the chaincode's
 *       events exactly once (see {@link BlockSubscription}).</li>
 *   <li>Fabric orders with a crash- or Byzantine-fault-tolerant ordering service and has no forks:
 *       {@link FinalityModel#bftInstant()}.</li>
 * </ul>
 * Every proposal, transaction and request is signed through the {@link TransactionSigner} (P-256, DER,
 * low S); the connector never holds a private key.
 */
public final class FabricConnector implements LedgerConnector {

    private static final FinalityModel FINALITY = FinalityModel.bftInstant();

    private final FabricLedgerConfig config;
    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Contract contract;
    private final BlockStore blocks;
    private final AnchorEvents events;
    private final AnchorIndex index;
    private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();

    private FabricConnector(FabricLedgerConfig config, ManagedChannel channel, Gateway gateway,
            FabricIdentity identity) {
        this.config = config;
        this.channel = channel;
        this.gateway = gateway;
        Network network = gateway.getNetwork(config.channel());
        this.contract = network.getContract(config.chaincode());
        this.blocks = new BlockStore(network, config.requestTimeout());
        this.events = new AnchorEvents(config.ledgerId(), config.chaincode());
        this.index = new AnchorIndex(config.ledgerId(), blocks, events, identity, config.scanFromBlock());
    }

    /**
     * Opens a connector. Nothing is sent yet (the gRPC channel connects on first use), but the identity
     * certificate must hold the public key of {@code keyAlias} in {@code signer}.
     *
     * @throws CairnException {@code CAIRN-LEDGER-0009} for an unusable configuration
     */
    public static FabricConnector open(FabricLedgerConfig config, TransactionSigner signer) {
        FabricIdentity identity = FabricIdentity.of(config.mspId(), config.identityCertificatePem());
        SignerKey key = signer.key(config.keyAlias());
        if (key.scheme() != SignatureScheme.ECDSA_P256_SHA256_DER
                || !Arrays.equals(key.publicKey(), identity.rawPublicKey())) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, "identityCertificatePem",
                    "the identity certificate does not certify the P-256 key " + config.keyAlias());
        }
        ManagedChannel channel = TlsChannels.open(config.peerEndpoint(), config.tlsRootCertificatePem(),
                config.tlsHostOverride());
        Gateway gateway = Gateway.newInstance()
                .identity(identity.gatewayIdentity())
                .signer(new SigningSeam(signer, config.keyAlias(), config.ledgerId(),
                        identity.certificate().getPublicKey()))
                .hash(Hash.NONE)
                .connection(channel)
                .evaluateOptions(deadline(config.requestTimeout()))
                .endorseOptions(deadline(config.requestTimeout()))
                .submitOptions(deadline(config.requestTimeout()))
                .commitStatusOptions(deadline(config.commitTimeout()))
                .connect();
        return new FabricConnector(config, channel, gateway, identity);
    }

    private static UnaryOperator<CallOptions> deadline(Duration timeout) {
        return options -> options.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String ledgerId() {
        return config.ledgerId();
    }

    @Override
    public FinalityModel finality() {
        return FINALITY;
    }

    @Override
    public AnchorReceipt anchor(HashPointer hashPointer) {
        Proposal proposal = contract.newProposal("anchor").addArguments(hashPointer.digestHex(),
                hashPointer.application(), Long.toString(hashPointer.blockSeq())).build();
        String txId = proposal.getTransactionId();
        Status status = submit(proposal, txId);
        if (!status.isSuccessful()) {
            throw new CairnException(ErrorCode.LEDGER_ANCHOR_REJECTED, "anchor transaction " + txId
                    + " was invalidated at commit: " + status.getCode());
        }
        FabricBlock block = blocks.block(status.getBlockNumber());
        FabricTransaction tx = block.transaction(txId).orElseThrow(() -> new CairnException(
                ErrorCode.LEDGER_INVALID_RESPONSE, "block " + block.number() + " does not hold " + txId));
        return new AnchorReceipt(config.ledgerId(), txId, block.number(), block.hash(), tx.position(), hashPointer);
    }

    private static Status submit(Proposal proposal, String txId) {
        try {
            return proposal.endorse().submitAsync().getStatus();
        } catch (EndorseException e) {
            throw GatewayFailures.forTransaction(ErrorCode.LEDGER_ANCHOR_REJECTED, "endorsing " + txId, txId, e);
        } catch (SubmitException e) {
            throw GatewayFailures.forTransaction(ErrorCode.LEDGER_ANCHOR_REJECTED, "submitting " + txId, txId, e);
        } catch (CommitStatusException e) {
            ErrorCode code = e.getStatus().getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED
                    ? ErrorCode.LEDGER_CONFIRMATION_TIMEOUT : ErrorCode.LEDGER_UNREACHABLE;
            throw GatewayFailures.forTransaction(code, "waiting for the commit of " + txId, txId, e);
        }
    }

    @Override
    public AnchorStatus verifyAnchor(AnchorReceipt receipt) {
        Optional<FabricBlock> holding = blocks.blockOf(receipt.transactionId());
        if (holding.isEmpty()) {
            return new AnchorStatus.Missing("the peer does not know transaction " + receipt.transactionId());
        }
        FabricBlock block = holding.get();
        long height = blocks.chainInfo().getHeight();
        if (block.number() != receipt.blockNumber() || !block.hash().equals(receipt.blockHash())) {
            return misplaced(receipt, block, height);
        }
        FabricTransaction tx = block.transaction(receipt.transactionId()).orElseThrow();
        if (!tx.valid()) {
            return new AnchorStatus.Missing("transaction " + tx.transactionId() + " is invalid: " + tx.validationName());
        }
        if (!events.anchorOf(tx).equals(Optional.of(receipt.hashPointer())) || tx.position() != receipt.position()) {
            return new AnchorStatus.Missing("transaction " + tx.transactionId() + " does not anchor "
                    + receipt.hashPointer() + " at position " + receipt.position());
        }
        long confirmations = height - block.number();
        return FINALITY.isFinal(confirmations) ? new AnchorStatus.Final(confirmations)
                : new AnchorStatus.Confirmed(confirmations);
    }

    /** The receipt names another block than the one holding its transaction (a different or reset ledger). */
    private AnchorStatus misplaced(AnchorReceipt receipt, FabricBlock holding, long height) {
        if (receipt.blockNumber() >= height) {
            return new AnchorStatus.Missing("the channel has " + height + " blocks, the receipt names block "
                    + receipt.blockNumber());
        }
        FabricBlock canonical = blocks.block(receipt.blockNumber());
        if (!canonical.hash().equals(receipt.blockHash())) {
            Optional<AnchorReceipt> now = holding.transaction(receipt.transactionId())
                    .map(tx -> new AnchorReceipt(receipt.ledgerId(), tx.transactionId(), holding.number(),
                            holding.hash(), tx.position(), receipt.hashPointer()));
            return new AnchorStatus.Forked(canonical.hash(), now);
        }
        return new AnchorStatus.Missing("transaction " + receipt.transactionId() + " is in block " + holding.number()
                + ", not in the receipt's block " + receipt.blockNumber());
    }

    @Override
    public List<AnchorReceipt> findAnchors(HashPointer hashPointer) {
        return index.find(hashPointer);
    }

    @Override
    public Optional<LedgerTransaction> transaction(String transactionId) {
        return blocks.blockOf(transactionId).flatMap(block -> block.transaction(transactionId).map(tx ->
                new LedgerTransaction(config.ledgerId(), transactionId,
                        tx.valid() ? LedgerTransaction.Outcome.SUCCEEDED : LedgerTransaction.Outcome.FAILED,
                        Optional.of(block.number()), Optional.of(block.hash()),
                        FabricIdentity.describe(tx.creator()), tx.chaincode())));
    }

    @Override
    public LedgerHealth health() {
        long begin = System.nanoTime();
        try {
            BlockchainInfo info = blocks.chainInfo();
            Optional<Long> head = Optional.of(info.getHeight() - 1);
            try {
                contract.evaluateTransaction("ping");
                return new LedgerHealth(LedgerHealth.Status.UP, head, since(begin), Optional.empty());
            } catch (GatewayException e) {
                return new LedgerHealth(LedgerHealth.Status.DEGRADED, head, since(begin), Optional.of(
                        "chaincode " + config.chaincode() + " does not answer: " + e.getStatus().getCode()));
            }
        } catch (RuntimeException e) {
            return new LedgerHealth(LedgerHealth.Status.DOWN, Optional.empty(), since(begin),
                    Optional.of("peer " + config.peerEndpoint() + " channel " + config.channel() + ": "
                            + e.getMessage()));
        }
    }

    private static Duration since(long begin) {
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /**
     * The channel's current configuration (the peer's configuration system chaincode {@code cscc}), e.g. to
     * build a {@link ChannelConfigUpdate}.
     */
    public Config channelConfiguration() {
        return blocks.channelConfiguration();
    }

    @Override
    public Checkpoint headCheckpoint() {
        BlockchainInfo info = blocks.chainInfo();
        return Checkpoint.afterBlock(info.getHeight() - 1, FabricBlock.hex(info.getCurrentBlockHash()));
    }

    @Override
    public EventSubscription subscribe(Checkpoint from, LedgerEventSink sink) {
        BlockSubscription subscription = new BlockSubscription(config.ledgerId(), blocks, events, from, sink,
                config.maxBatchSize());
        subscriptions.removeIf(s -> s.state() != EventSubscription.State.RUNNING);
        subscriptions.add(subscription);
        return subscription.start();
    }

    @Override
    public void close() {
        subscriptions.forEach(EventSubscription::close);
        gateway.close();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
