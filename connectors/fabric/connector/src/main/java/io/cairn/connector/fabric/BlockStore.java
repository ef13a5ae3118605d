package io.cairn.connector.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.grpc.CallOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.common.Config;

/**
 * The channel's blocks as the peer stores them: chain height and head hash, blocks by number or by
 * transaction id (the peer's query system chaincode {@code qscc}), ranges of blocks through the gateway's
 * block events (signed requests, delivered in block order), and the channel configuration ({@code cscc}).
 */
final class BlockStore {

    private final Network network;
    private final Contract qscc;
    private final Contract cscc;
    private final Duration requestTimeout;

    BlockStore(Network network, Duration requestTimeout) {
        this.network = network;
        this.qscc = network.getContract("qscc");
        this.cscc = network.getContract("cscc");
        this.requestTimeout = requestTimeout;
    }

    /** Height (number of blocks) and current block hash of the channel. */
    BlockchainInfo chainInfo() {
        try {
            return BlockchainInfo.parseFrom(query("GetChainInfo"));
        } catch (GatewayException e) {
            throw GatewayFailures.of(ErrorCode.LEDGER_INVALID_RESPONSE, "GetChainInfo", e);
        } catch (InvalidProtocolBufferException e) {
            throw invalid("GetChainInfo", e);
        }
    }

    /** The channel's current configuration, from the configuration system chaincode {@code cscc}. */
    Config channelConfiguration() {
        try {
            return Config.parseFrom(cscc.newProposal("GetChannelConfig").addArguments(network.getName()).build()
                    .evaluate(deadline(requestTimeout)));
        } catch (GatewayException e) {
            throw GatewayFailures.of(ErrorCode.LEDGER_INVALID_RESPONSE, "GetChannelConfig", e);
        } catch (InvalidProtocolBufferException e) {
            throw invalid("GetChannelConfig", e);
        }
    }

    /** The block with this number; {@code CAIRN-LEDGER-0005} when the peer does not have it. */
    FabricBlock block(long number) {
        try {
            return FabricBlock.decode(Block.parseFrom(query("GetBlockByNumber", Long.toString(number))));
        } catch (GatewayException e) {
            throw GatewayFailures.of(ErrorCode.LEDGER_INVALID_RESPONSE, "GetBlockByNumber " + number, e);
        } catch (InvalidProtocolBufferException e) {
            throw invalid("GetBlockByNumber", e);
        }
    }

    /**
     * The committed block holding the transaction, empty when the peer does not know the transaction id
     * ({@code qscc} answers every lookup of an unknown or malformed id with an error response).
     */
    Optional<FabricBlock> blockOf(String transactionId) {
        try {
            return Optional.of(FabricBlock.decode(Block.parseFrom(query("GetBlockByTxID", transactionId))));
        } catch (GatewayException e) {
            if (GatewayFailures.isTransport(e.getStatus())) {
                throw GatewayFailures.of(ErrorCode.LEDGER_UNREACHABLE, "GetBlockByTxID", e);
            }
            return Optional.empty();
        } catch (InvalidProtocolBufferException e) {
            throw invalid("GetBlockByTxID", e);
        }
    }

    /** Reads blocks {@code from..to} (inclusive, all committed) in order. */
    void read(long from, long to, Consumer<FabricBlock> consumer) {
        long blocks = to - from + 1;
        Duration deadline = requestTimeout.multipliedBy(1 + blocks / 200);
        try (CloseableIterator<Block> stream = network.newBlockEventsRequest().startBlock(from).build()
                .getEvents(deadline(deadline))) {
            long next = from;
            while (next <= to && stream.hasNext()) {
                FabricBlock block = FabricBlock.decode(stream.next());
                consumer.accept(block);
                next = block.number() + 1;
            }
            if (next <= to) {
                throw new CairnException(ErrorCode.LEDGER_INVALID_RESPONSE, "block events ended before block " + next);
            }
        } catch (GatewayRuntimeException e) {
            throw GatewayFailures.of(ErrorCode.LEDGER_INVALID_RESPONSE, "reading blocks " + from + ".." + to, e);
        }
    }

    /** An open-ended stream of blocks from {@code checkpoint}'s block on, for subscriptions. */
    CloseableIterator<Block> follow(org.hyperledger.fabric.client.Checkpoint checkpoint) {
        return network.newBlockEventsRequest().checkpoint(checkpoint).build().getEvents();
    }

    private byte[] query(String function, String... args) throws GatewayException {
        String[] all = new String[args.length + 1];
        all[0] = network.getName();
        System.arraycopy(args, 0, all, 1, args.length);
        return qscc.newProposal(function).addArguments(all).build().evaluate(deadline(requestTimeout));
    }

    private static UnaryOperator<CallOptions> deadline(Duration timeout) {
        return options -> options.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static CairnException invalid(String what, Exception e) {
        return new CairnException(ErrorCode.LEDGER_INVALID_RESPONSE, what + " returned unreadable data", e);
    }
}
