package io.cairn.custody.vault;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * An HTTP or HTTPS server on 127.0.0.1 that answers every request with one fixed status and JSON body, and records
 * the token header it received: Vault in a failure state (sealed, refusing the token, broken).
 */
final class FakeVault implements AutoCloseable {
    private final HttpServer server;
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private volatile int status;
    private volatile String body;

    FakeVault(int status, String body) throws IOException {
        this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), status, body);
    }

    private FakeVault(HttpServer server, int status, String body) {
        this.server = server;
        this.status = status;
        this.body = body;
        server.createContext("/", exchange -> {
            tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Vault-Token")));
            byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(this.status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** The same over TLS with the server key and certificate of {@code tls}. */
    static FakeVault https(SSLContext tls, int status, String body) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new FakeVault(server, status, body);
    }

    /** Answers from now on with this status and body. */
    void answer(int newStatus, String newBody) {
        this.status = newStatus;
        this.body = newBody;
    }

    URI address() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The token headers received so far. */
    List<String> tokens() {
        return List.copyOf(tokens);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
