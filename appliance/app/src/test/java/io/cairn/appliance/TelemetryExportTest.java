package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OTLP export is off unless configured, and when an endpoint is configured the appliance pushes its traces
 * and metrics there. The receiver is a local HTTP server that records what arrives (no OpenTelemetry
 * collector is available as a package here); it checks paths and content type, not the protobuf payload.
 */
@Tag("integration")
class TelemetryExportTest {
    static final String ADMIN = "cairn_otlp-bootstrap-token-0123456789abcdefghijklmnopq";

    @TempDir
    Path dir;

    @Test
    void tracesAndMetricsArePushedOnlyWhenAnEndpointIsConfigured() throws IOException {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try {
            try (Appliance quiet = start(dir.resolve("quiet"), Map.of())) {
                new Http(quiet.baseUri()).get("/api/v1/me", ADMIN);
            }
            assertThat(received).as("nothing is exported by default").isEmpty();

            try (Appliance exporting = start(dir.resolve("exporting"), Map.of("telemetry.otlp.endpoint", endpoint,
                    "telemetry.otlp.metrics-interval", "1s"))) {
                Http http = new Http(exporting.baseUri());
                assertThat(http.get("/api/v1/me", ADMIN).status()).isEqualTo(200);
                assertThat(Waiting.until(Duration.ofSeconds(20), () -> received.stream()
                        .anyMatch(r -> r.startsWith("/v1/metrics application/x-protobuf")))).as(received.toString()).isTrue();
            }
            assertThat(received).as("spans are flushed at the latest when the appliance stops")
                    .anyMatch(r -> r.startsWith("/v1/traces application/x-protobuf"));
        } finally {
            receiver.stop(0);
        }
    }

    private static Appliance start(Path data, Map<String, String> extra) {
        java.util.Map<String, String> settings = new java.util.HashMap<>(Map.of("data-directory", data.toString(),
                "server.port", "0", "server.plaintext-http", "true", "security.bootstrap.token", ADMIN));
        settings.putAll(extra);
        return Appliance.start(ApplianceConfig.load(Optional.empty(), Map.of(), settings).configOrThrow());
    }
}
