package io.cairn.connector.evm;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The JSON-RPC calls the connector makes, with transport and protocol errors turned into
 * {@code CAIRN-LEDGER-*} exceptions. Never puts endpoint credentials in messages.
 */
final class EvmNode implements AutoCloseable {

    private final Web3jService service;
    private final Web3j web3j;
    private final ScheduledExecutorService executor;

    EvmNode(Web3jService service) {
        this.service = service;
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
        this.web3j = Web3j.build(service, 1_000, executor);
    }

    Web3jService service() {
        return service;
    }

    long chainId() {
        return HexQuantity.parse(send(web3j.ethChainId(), "eth_chainId").getResult());
    }

    long blockNumber() {
        return HexQuantity.parse(send(web3j.ethBlockNumber(), "eth_blockNumber").getResult());
    }

    /** The block at {@code number}, empty when the chain is shorter. */
    Optional<EthBlock.Block> block(long number) {
        EthBlock response = send(web3j.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false), "eth_getBlockByNumber");
        return Optional.ofNullable(response.getBlock());
    }

    /**
     * The head and the canonical block hash at {@code number} (empty when the chain is shorter), read in
     * one JSON-RPC batch.
     */
    ChainView headAndBlockHash(long number) {
        BatchResponse response;
        try {
            response = web3j.newBatch().add(web3j.ethBlockNumber())
                    .add(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false))
                    .send();
        } catch (IOException | RuntimeException e) {
            throw unreachable("eth_blockNumber+eth_getBlockByNumber", e);
        }
        List<? extends Response<?>> responses = response.getResponses();
        if (responses.size() != 2 || !(responses.get(0) instanceof EthBlockNumber head)
                || !(responses.get(1) instanceof EthBlock block)) {
            throw invalid("unexpected batch response");
        }
        for (Response<?> part : responses) {
            if (part.hasError()) {
                throw invalid("batch call failed: " + part.getError().getCode() + " " + part.getError().getMessage());
            }
        }
        return new ChainView(HexQuantity.parse(head.getResult()),
                Optional.ofNullable(block.getBlock()).map(EthBlock.Block::getHash));
    }

    /**
     * The chain as seen in one call.
     *
     * @param head      the head block number
     * @param blockHash the hash of the block asked about, empty when the chain is shorter
     */
    record ChainView(long head, Optional<String> blockHash) {
    }

    /** The hash of the canonical block at {@code number}, empty when the chain is shorter. */
    Optional<String> blockHash(long number) {
        return block(number).map(EthBlock.Block::getHash);
    }

    EthBlock.Block latestBlock() {
        return Optional.ofNullable(send(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false),
                "eth_getBlockByNumber").getBlock())
                .orElseThrow(() -> invalid("eth_getBlockByNumber(latest) returned no block"));
    }

    List<Log> logs(EthFilter filter) {
        EthLog response = send(web3j.ethGetLogs(filter), "eth_getLogs");
        return response.getLogs().stream().map(result -> switch (result.get()) {
            case Log log -> log;
            default -> throw invalid("eth_getLogs returned a non-log entry");
        }).toList();
    }

    /** Sends a signed transaction; the raw response, because its error decides what happens to the nonce. */
    EthSendTransaction sendRaw(String signedHex) {
        try {
            return web3j.ethSendRawTransaction(signedHex).send();
        } catch (IOException | RuntimeException e) {
            throw unreachable("eth_sendRawTransaction", e);
        }
    }

    Optional<TransactionReceipt> receipt(String txHash) {
        return send(web3j.ethGetTransactionReceipt(txHash), "eth_getTransactionReceipt").getTransactionReceipt();
    }

    Optional<Transaction> transaction(String txHash) {
        return send(web3j.ethGetTransactionByHash(txHash), "eth_getTransactionByHash").getTransaction();
    }

    long pendingTransactionCount(String address) {
        return HexQuantity.parse(send(web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING),
                "eth_getTransactionCount").getResult());
    }

    BigInteger gasPrice() {
        return send(web3j.ethGasPrice(), "eth_gasPrice").getGasPrice();
    }

    BigInteger maxPriorityFeePerGas() {
        return send(web3j.ethMaxPriorityFeePerGas(), "eth_maxPriorityFeePerGas").getMaxPriorityFeePerGas();
    }

    String code(String address) {
        return send(web3j.ethGetCode(address, DefaultBlockParameterName.LATEST), "eth_getCode").getCode();
    }

    /** Sends any request; JSON-RPC errors become {@code LEDGER_INVALID_RESPONSE}. */
    static <T extends Response<?>> T send(Request<?, T> request, String method) {
        T response;
        try {
            response = request.send();
        } catch (IOException | RuntimeException e) {
            throw unreachable(method, e);
        }
        if (response.hasError()) {
            throw new CairnException(ErrorCode.LEDGER_INVALID_RESPONSE,
                    method + " failed: " + response.getError().getCode() + " " + response.getError().getMessage());
        }
        return response;
    }

    static CairnException unreachable(String method, Exception cause) {
        return new CairnException(ErrorCode.LEDGER_UNREACHABLE,
                method + ": " + cause.getClass().getSimpleName() + " " + cause.getMessage(), cause);
    }

    static CairnException invalid(String detail) {
        return new CairnException(ErrorCode.LEDGER_INVALID_RESPONSE, detail);
    }

    @Override
    public void close() {
        web3j.shutdown();
        executor.shutdownNow();
    }
}
