package io.cairn.connector.evm;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * A real anvil EVM node on 127.0.0.1 and a free port, started for a test and stopped by its PID.
 */
public final class AnvilNode implements AutoCloseable {

    private final long chainId;
    private final int port;
    private final List<String> extraArgs;
    private final Path log;
    private Process process;
    private HttpService rpc;

    private AnvilNode(long chainId, int port, List<String> extraArgs) throws IOException {
        this.chainId = chainId;
        this.port = port;
        this.extraArgs = extraArgs;
        this.log = Files.createTempFile("anvil-" + chainId + "-", ".log");
    }

    /** Starts anvil with {@code --chain-id chainId} plus {@code extraArgs}; skips when anvil is not installed. */
    public static AnvilNode start(long chainId, String... extraArgs) {
        TestTools.require("node_modules/.bin/anvil", "anvil");
        try {
            AnvilNode node = new AnvilNode(chainId, freePort(), List.of(extraArgs));
            node.launch();
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start anvil", e);
        }
    }

    private void launch() throws IOException {
        Path anvil = TestTools.require("node_modules/.bin/anvil", "anvil");
        List<String> command = new ArrayList<>(List.of(anvil.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--chain-id", Long.toString(chainId), "--silent"));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        rpc = new HttpService(url().toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("anvil exited: " + Files.readString(log));
            }
            try {
                call("eth_chainId");
                return;
            } catch (RuntimeException notYet) {
                AnchorSubmitter.pause(Duration.ofMillis(20));
            }
        }
        throw new IllegalStateException("anvil did not answer within 20 s");
    }

    /** Stops anvil (by PID) and starts it again on the same port with a fresh chain. */
    public void restart() throws IOException {
        stop();
        launch();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long chainId() {
        return chainId;
    }

    public long pid() {
        return process.pid();
    }

    /** Calls a JSON-RPC method and returns its raw result. */
    public Object call(String method, Object... params) {
        Request<?, RawResponse> request = new Request<>(method, Arrays.asList(params), rpc, RawResponse.class);
        RawResponse response = EvmNode.send(request, method);
        return response.getResult();
    }

    public void mine(int blocks) {
        call("anvil_mine", "0x" + Integer.toHexString(blocks));
    }

    public String snapshot() {
        return (String) call("evm_snapshot");
    }

    public void revert(String snapshot) {
        call("evm_revert", snapshot);
    }

    public long blockNumber() {
        return new BigInteger(((String) call("eth_blockNumber")).substring(2), 16).longValueExact();
    }

    /** Stops the node by PID and waits for it to exit. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A JSON-RPC response with an untyped result. */
    public static final class RawResponse extends Response<Object> {
    }
}
