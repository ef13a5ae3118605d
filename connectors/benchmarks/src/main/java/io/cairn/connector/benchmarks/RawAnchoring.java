package io.cairn.connector.benchmarks;

import io.cairn.connector.evm.EvmTransactionFactory;
import io.cairn.connector.evm.TransactionType;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;

/**
 * The baseline: the same anchor transactions, signed before the clock starts, sent straight to the node
 * with each sender then polling for its receipt exactly as the connector does.
 */
final class RawAnchoring {

    private final Web3j web3j;
    private final EvmTransactionFactory factory;
    private final String contract;
    private final BigInteger gasLimit;

    RawAnchoring(Web3j web3j, EvmTransactionFactory factory, String contract, BigInteger gasLimit) {
        this.web3j = web3j;
        this.factory = factory;
        this.contract = contract;
        this.gasLimit = gasLimit;
    }

    /** Sends {@code count} pre-signed anchors from {@code threads} threads; returns the elapsed nanoseconds. */
    long run(int count, int threads) throws Exception {
        List<String> signed = presign(count);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        Parallel.run(count, threads, i -> sendAndAwait(signed.get(next.getAndIncrement())));
        return System.nanoTime() - started;
    }

    private List<String> presign(int count) throws IOException {
        long nonce = web3j.ethGetTransactionCount(factory.address(), ConnectorThroughput.pending()).send()
                .getTransactionCount().longValueExact();
        EvmTransactionFactory.Fees free = new EvmTransactionFactory.Fees(BigInteger.ZERO, BigInteger.ZERO);
        List<String> signed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            signed.add(factory.call(TransactionType.EIP1559, nonce + i, free, gasLimit, contract,
                    ConnectorThroughput.anchorCall(), "baseline").rawHex());
        }
        return signed;
    }

    private void sendAndAwait(String rawHex) {
        try {
            EthSendTransaction sent = web3j.ethSendRawTransaction(rawHex).send();
            if (sent.hasError()) {
                throw new IllegalStateException(sent.getError().getMessage());
            }
            long pause = 2;
            long deadline = System.nanoTime() + ConnectorThroughput.STALL_LIMIT.toNanos();
            while (web3j.ethGetTransactionReceipt(sent.getTransactionHash()).send().getTransactionReceipt()
                    .isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("transaction " + sent.getTransactionHash() + " not included");
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 20);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
