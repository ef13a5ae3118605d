package io.cairn.custody.vault;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real HashiCorp Vault server ({@code vault server -dev}, in memory, unsealed, root token chosen here) on
 * 127.0.0.1 and a free port, with the Transit engine mounted at {@link #MOUNT}. The binary is the one
 * {@code tools/install-vault.sh} builds (run by {@code .ci/install-tools.sh}); without it the test is skipped,
 * or fails when {@code CAIRN_REQUIRE_TEST_TOOLS=true}. {@link #close()} stops the process it started.
 */
final class VaultDevServer implements AutoCloseable {
    static final String MOUNT = "cairn-transit";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern CLIENT_TOKEN = Pattern.compile("\"client_token\":\"([^\"]+)\"");

    private final Process process;
    private final URI address;
    private final String rootToken;
    private final HttpClient http = HttpClient.newHttpClient();

    private VaultDevServer(Process process, URI address, String rootToken) {
        this.process = process;
        this.address = address;
        this.rootToken = rootToken;
    }

    /** Starts a dev server with Transit mounted, or skips the test when the binary is missing. */
    static VaultDevServer start(Path workDir) {
        Path binary = binary().orElseGet(VaultDevServer::skipOrFail);
        String token = "root-" + UUID.randomUUID();
        try {
            int port = freePort();
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "server", "-dev",
                    "-dev-listen-address=127.0.0.1:" + port, "-dev-root-token-id=" + token, "-dev-no-store-token")
                    .redirectErrorStream(true).redirectOutput(workDir.resolve("vault.log").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("VAULT_"));
            builder.environment().put("HOME", workDir.toString());
            VaultDevServer server = new VaultDevServer(builder.start(), URI.create("http://127.0.0.1:" + port), token);
            try {
                server.awaitUnsealed();
                server.request("POST", "sys/mounts/" + MOUNT, "{\"type\":\"transit\"}", 204);
                return server;
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("the Vault dev server did not start", e);
        }
    }

    /** The Vault binary, when installed. */
    static Optional<Path> binary() {
        Path script = repositoryRoot().resolve("hsm-signing/key-custody-vault/tools/install-vault.sh");
        try {
            Process p = new ProcessBuilder("bash", script.toString(), "--print-bin-dir").redirectErrorStream(true).start();
            String dir = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            Path vault = Path.of(dir, "vault");
            return p.waitFor() == 0 && Files.isExecutable(vault) ? Optional.of(vault) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    URI address() {
        return address;
    }

    String rootToken() {
        return rootToken;
    }

    /** Options for a custody over this server with the given token. */
    VaultOptions options(String token) {
        return VaultOptions.builder(address, VaultToken.of(token)).allowInsecureHttp(true).mount(MOUNT)
                .keyPrefix("cairn-it-").build();
    }

    /** A new token with only the {@code default} policy (which allows nothing on Transit). */
    String tokenWithoutTransitPolicy() {
        Matcher m = CLIENT_TOKEN.matcher(request("POST", "auth/token/create", "{\"policies\":[\"default\"]}", 200));
        return m.find() ? m.group(1) : fail("no client token in Vault's answer");
    }

    /** Sends a request with the root token; fails unless Vault answers one of {@code expected}; returns the body. */
    String request(String method, String path, String json, int... expected) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(address.resolve("/v1/" + path))
                .header("X-Vault-Token", rootToken).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (java.util.Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
                throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Seals Vault: it keeps running but refuses every request until unsealed. */
    void seal() {
        request("POST", "sys/seal", null, 204);
    }

    /** Stops the process and closes the client. */
    @Override
    public void close() {
        stop();
        http.close();
    }

    /** Stops the process this server started (by its PID), forcibly after 10 seconds; idempotent. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitUnsealed() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the Vault dev server exited with status " + process.exitValue());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(address.resolve("/v1/sys/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sleep();
        }
        throw new IOException("the Vault dev server did not become ready within " + START_TIMEOUT);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path skipOrFail() {
        String reason = "the Vault binary is not installed (run .ci/install-tools.sh, which runs "
                + "hsm-signing/key-custody-vault/tools/install-vault.sh)";
        if ("true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
            fail("Vault is required: " + reason);
        }
        Assumptions.abort("Vault is not available: " + reason);
        throw new IllegalStateException("unreachable");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".ci/install-tools.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no .ci/install-tools.sh above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
