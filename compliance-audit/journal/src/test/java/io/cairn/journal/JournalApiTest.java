package io.cairn.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.audit.spi.SoftwareCheckpointSigner;
import io.cairn.http.ApiRouter;
import io.cairn.http.ApplianceServer;
import io.cairn.http.Authenticator;
import io.cairn.http.HttpSettings;
import io.cairn.http.Json;
import io.cairn.http.Observability;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.proofs.ProofCommand;
import io.cairn.storage.Database;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The journal API on a real Helidon listener: roles, bodies and proofs that {@code cairn proof} accepts. */
@Tag("integration")
class JournalApiTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static Database db;
    static PostgresJournal journal;
    static ApplianceServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.open(dir);
        JournalSettings settings = JournalSettings.defaults("api.test/journal");
        journal = PostgresJournal.open(db.dataSource(), settings);
        CheckpointLog checkpoints = new CheckpointLog(journal, SoftwareCheckpointSigner.generate("api-key"), settings,
                Clock.systemUTC());
        JournalApi api = new JournalApi(journal, checkpoints, new JournalProofs(journal, checkpoints),
                new JournalAudit(journal, Clock.systemUTC()));
        Authenticator auth = c -> switch (c.bearerToken().orElse("")) {
            case "operator" -> principal(Role.OPERATOR);
            case "auditor" -> principal(Role.AUDITOR);
            case "member" -> principal(Role.MEMBER);
            default -> throw new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "unknown token");
        };
        HttpSettings http = new HttpSettings("127.0.0.1", 0, true, Optional.empty(), Optional.empty(), "none",
                Optional.empty(), Optional.empty(), 2048, Duration.ofSeconds(7));
        ApiRouter router = new ApiRouter(List.of(api), auth, http,
                new Observability(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), OpenTelemetry.noop()), List.of());
        server = ApplianceServer.start(http, Optional.empty(), router::register);
        for (int i = 0; i < 11; i++) {
            journal.append(Events.event("api", i));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        journal.close();
        db.close();
    }

    @Test
    void operatorsSignCheckpointsAndReadersListThem() throws Exception {
        assertThat(send("POST", "/api/v1/journal/checkpoints", "auditor").statusCode()).isEqualTo(403);
        HttpResponse<String> created = send("POST", "/api/v1/journal/checkpoints", "operator");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode checkpoint = json(created);
        assertThat(checkpoint.get("treeSize").asLong()).isGreaterThanOrEqualTo(11);
        assertThat(checkpoint.get("text").asText()).startsWith("api.test/journal\n" + checkpoint.get("treeSize").asLong()
                + "\n" + checkpoint.get("root").asText() + "\ntimestamp ").contains("\n\n\u2014 api-key ");
        JsonNode list = json(send("GET", "/api/v1/journal/checkpoints", "auditor"));
        assertThat(list.get("latest").get("root").asText()).isEqualTo(checkpoint.get("root").asText());
        assertThat(send("GET", "/api/v1/journal/checkpoints", "member").statusCode()).isEqualTo(403);
    }

    @Test
    void entriesAndProofsAreServedInTheProofFileFormat() throws Exception {
        JsonNode entry = json(send("GET", "/api/v1/journal/entries/3", "auditor"));
        assertThat(entry.get("type").asText()).isEqualTo("test.api");
        assertThat(entry.get("attributes").get("n").asText()).isEqualTo("3");
        HttpResponse<String> inclusion = send("GET", "/api/v1/journal/entries/3/inclusion-proof?treeSize=9", "auditor");
        assertThat(inclusion.statusCode()).isEqualTo(200);
        assertThat(json(inclusion).get("leafHash").asText()).isEqualTo(entry.get("leafHash").asText());
        assertThat(verify("verify-inclusion", inclusion.body())).isEqualTo(ProofCommand.EXIT_VALID);
        HttpResponse<String> consistency = send("GET", "/api/v1/journal/consistency-proof?from=5&to=11", "auditor");
        assertThat(verify("verify-consistency", consistency.body())).isEqualTo(ProofCommand.EXIT_VALID);
        String tampered = consistency.body().replace("\"size1\":5", "\"size1\":4");
        assertThat(verify("verify-consistency", tampered)).isEqualTo(ProofCommand.EXIT_INVALID);
    }

    @Test
    void badIndexesAndSizesAreProblems() throws Exception {
        assertThat(json(send("GET", "/api/v1/journal/entries/999", "auditor")).get("code").asText())
                .isEqualTo("CAIRN-API-0009");
        assertThat(json(send("GET", "/api/v1/journal/entries/x", "auditor")).get("code").asText())
                .isEqualTo("CAIRN-API-0011");
        assertThat(json(send("GET", "/api/v1/journal/entries/3/inclusion-proof?treeSize=3", "auditor")).get("code")
                .asText()).isEqualTo("CAIRN-API-0011");
        assertThat(json(send("GET", "/api/v1/journal/consistency-proof?from=5", "auditor")).get("code").asText())
                .isEqualTo("CAIRN-API-0011");
    }

    @Test
    void theAuditStatusIsServed() throws Exception {
        JsonNode report = json(send("GET", "/api/v1/journal/audit", "auditor"));
        assertThat(report.get("intact").asBoolean()).isTrue();
        assertThat(report.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(11);
    }

    private int verify(String command, String body) throws IOException {
        Path file = Files.createTempFile(dir, "proof", ".json");
        Files.writeString(file, body, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new ProofCommand());
        cli.setOut(new java.io.PrintWriter(java.io.Writer.nullWriter()));
        cli.setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()));
        return cli.execute(command, file.toString());
    }

    private static Principal principal(Role role) {
        return new Principal(role.label(), role.label(), Set.of(role), Role.ALL, Optional.empty(),
                Principal.AuthenticationMethod.TOKEN);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path, String token)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
