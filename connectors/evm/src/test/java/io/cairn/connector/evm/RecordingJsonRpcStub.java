package io.cairn.connector.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A recording stub, not a ledger: a real local HTTP server that records every JSON-RPC request (body and
 * headers) and answers each method with a canned result or error. Used to check request shapes of calls
 * no node on this machine implements (Besu's {@code qbft_*}, {@code ibft_*}, {@code perm_*}).
 */
final class RecordingJsonRpcStub implements AutoCloseable {

    /** One recorded request. */
    record Recorded(String method, JsonNode params, Map<String, List<String>> headers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();

    RecordingJsonRpcStub() throws IOException {
        this(null);
    }

    /** A stub serving HTTPS with {@code tls}, or plain HTTP when it is {@code null}. */
    RecordingJsonRpcStub(SSLContext tls) throws IOException {
        InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(local, 0);
        } else {
            HttpsServer https = HttpsServer.create(local, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    RecordingJsonRpcStub answer(String method, Object result) {
        results.put(method, result);
        return this;
    }

    RecordingJsonRpcStub fail(String method, String message) {
        errors.put(method, message);
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded last() {
        return requests.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String method = request.path("method").asText();
        requests.add(new Recorded(method, request.path("params"), Map.copyOf(exchange.getRequestHeaders())));
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", request.path("id"));
        if (errors.containsKey(method)) {
            response.putObject("error").put("code", -32000).put("message", errors.get(method));
        } else if (results.containsKey(method)) {
            response.set("result", JSON.valueToTree(results.get(method)));
        } else {
            response.putObject("error").put("code", -32601).put("message", "Method not found");
        }
        byte[] body = JSON.writeValueAsString(response).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
