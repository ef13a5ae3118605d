package io.cairn.connector.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** An anvil node on 127.0.0.1 and a free port, stopped by PID. */
final class AnvilProcess implements AutoCloseable {

    private final Process process;
    private final URI url;

    private AnvilProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Starts anvil with zero gas price and base fee, like a free-gas consortium chain. */
    static AnvilProcess startZeroGas(Path anvil, long chainId) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(List.of(anvil.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--chain-id", Long.toString(chainId), "--gas-price", "0", "--base-fee", "0",
                "--silent"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        AnvilProcess node = new AnvilProcess(process, URI.create("http://127.0.0.1:" + port));
        node.awaitReady();
        return node;
    }

    /** The anvil binary below {@code .ci/tools}, searched upwards from the working directory. */
    static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path anvil = dir.resolve(".ci/tools/node_modules/.bin/anvil");
            if (Files.isExecutable(anvil)) {
                return anvil;
            }
        }
        throw new IllegalStateException("anvil not found: run .ci/install-tools.sh or pass --anvil PATH");
    }

    URI url() {
        return url;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}"))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                client.send(request, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IOException("anvil did not start");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
