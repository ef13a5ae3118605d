package io.cairn.signing.formats;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/** A real anvil node on 127.0.0.1 and a free port, started for a test class and stopped by its PID. */
final class AnvilNode implements AutoCloseable {
    /** The private key of anvil's first development account (publicly known, funded at genesis). */
    static final String DEV_ACCOUNT_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private final long chainId;
    private final Process process;
    private final Web3j web3j;
    private final Path log;

    private AnvilNode(long chainId, Process process, Web3j web3j, Path log) {
        this.chainId = chainId;
        this.process = process;
        this.web3j = web3j;
        this.log = log;
    }

    static AnvilNode start(long chainId) throws IOException, InterruptedException {
        Path anvil = TestTools.anvil();
        int port = freePort();
        Path log = Files.createTempFile("anvil-", ".log");
        Process process = new ProcessBuilder(anvil.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", Long.toString(chainId), "--silent").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        AnvilNode node = new AnvilNode(chainId, process,
                Web3j.build(new HttpService("http://127.0.0.1:" + port)), log);
        node.awaitReady();
        return node;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("anvil exited: " + Files.readString(log));
            }
            try {
                web3j.ethChainId().send();
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        close();
        throw new IllegalStateException("anvil did not answer within 20 s");
    }

    long chainId() {
        return chainId;
    }

    Web3j web3j() {
        return web3j;
    }

    BigInteger nonce(String address) throws IOException {
        return web3j.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send().getTransactionCount();
    }

    BigInteger balance(String address) throws IOException {
        return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    }

    BigInteger gasPrice() throws IOException {
        return web3j.ethGasPrice().send().getGasPrice();
    }

    /** Sends a raw transaction and waits for its receipt. */
    TransactionReceipt send(String rawHex) throws IOException, InterruptedException {
        EthSendTransaction sent = web3j.ethSendRawTransaction(rawHex).send();
        if (sent.hasError()) {
            throw new IllegalStateException("node refused the transaction: " + sent.getError().getMessage());
        }
        for (int i = 0; i < 100; i++) {
            Optional<TransactionReceipt> receipt = web3j.ethGetTransactionReceipt(sent.getTransactionHash()).send()
                    .getTransactionReceipt();
            if (receipt.isPresent()) {
                return receipt.get();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no receipt for " + sent.getTransactionHash());
    }

    /** Runs {@code eth_call} against {@code to} with {@code data}; returns the hex result. */
    String call(String to, String data) throws IOException {
        return web3j.ethCall(Transaction.createEthCallTransaction(null, to, data), DefaultBlockParameterName.LATEST)
                .send().getValue();
    }

    @Override
    public void close() {
        web3j.shutdown();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroy);
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary log left behind is harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
