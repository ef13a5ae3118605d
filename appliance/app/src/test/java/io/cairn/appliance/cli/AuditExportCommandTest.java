package io.cairn.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn audit export} against a local HTTP stand-in for the evidence endpoint. */
class AuditExportCommandTest {
    private static final byte[] ZIP = new byte[200_000];

    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> requests = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        for (int i = 0; i < ZIP.length; i++) {
            ZIP[i] = (byte) (i * 31);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/evidence", exchange -> {
            requests.add(exchange.getRequestURI().getQuery() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            boolean tooLarge = exchange.getRequestURI().getQuery().contains("app=huge");
            byte[] body = tooLarge ? "{\"code\":\"CAIRN-EVIDENCE-0001\",\"detail\":\"the scope holds more than 5\"}"
                    .getBytes(StandardCharsets.UTF_8) : ZIP;
            exchange.getResponseHeaders().add("Content-Type", tooLarge ? "application/problem+json" : "application/zip");
            exchange.sendResponseHeaders(tooLarge ? 413 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theBundleIsStreamedIntoTheOutputFile() throws IOException {
        Path out = dir.resolve("bundle.zip");
        CommandLineTest.Run run = CommandLineTest.run("audit", "export", "--app", "payments", "--from",
                "2026-11-01T00:00:00Z", "--to", "2026-11-02T00:00:00Z", "--redacted", "--output", out.toString(),
                "--url", url(), "--token", "secret");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(ZIP);
        assertThat(run.out()).contains("Wrote " + out).contains("cairn audit verify");
        assertThat(requests).containsExactly(
                "app=payments&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&redacted=true Bearer secret");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bundle.zip");
        }
    }

    @Test
    void aRefusalPrintsTheProblemCodeAndWritesNothing() {
        Path out = dir.resolve("none.zip");
        CommandLineTest.Run run = CommandLineTest.run("audit", "export", "--app", "huge", "--from",
                "2026-11-01T00:00:00Z", "--to", "2026-11-02T00:00:00Z", "--output", out.toString(), "--url", url(),
                "--token", "secret");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("CAIRN-EVIDENCE-0001").contains("the scope holds more than 5");
        assertThat(out).doesNotExist();
        assertThat(CommandLineTest.run("audit", "export", "--app", "a", "--from", "yesterday", "--to",
                "2026-11-02T00:00:00Z", "--output", out.toString()).exit()).isEqualTo(2);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
