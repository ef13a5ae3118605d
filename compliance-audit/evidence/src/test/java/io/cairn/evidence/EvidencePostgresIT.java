package io.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.SoftwareCheckpointSigner;
import io.cairn.http.ApiRouter;
import io.cairn.http.ApplianceServer;
import io.cairn.http.Authenticator;
import io.cairn.http.HttpSettings;
import io.cairn.http.Observability;
import io.cairn.journal.CheckpointLog;
import io.cairn.journal.JournalSettings;
import io.cairn.journal.PostgresJournal;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.storage.Database;
import io.cairn.storage.StorageSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence API over the real PostgreSQL journal (embedded PostgreSQL) on a real HTTP listener: export,
 * verify, and an edited journal row caught by the verifier with the entry named.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidencePostgresIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String APP = "payments";

    @TempDir
    static Path dir;
    static Database db;
    static PostgresJournal journal;
    static CheckpointLog checkpoints;
    static ApplianceServer server;
    static Instant from;
    static Instant to;
    static long editedLeaf;

    @BeforeAll
    static void start() throws Exception {
        StorageSettings storage = StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS),
                Map.of("data-directory", dir.resolve("data").toString(), "storage.pool.max-size", "8")));
        db = Database.open(storage, List.of(PostgresJournal.MIGRATION));
        JournalSettings settings = JournalSettings.defaults("it.cairn/journal");
        journal = PostgresJournal.open(db.dataSource(), settings);
        checkpoints = new CheckpointLog(journal, SoftwareCheckpointSigner.generate("journal-checkpoint"), settings,
                Clock.systemUTC());
        TestBlocks blocks = fill();
        EvidenceExporter exporter = new EvidenceExporter(EvidenceJournal.of(journal, checkpoints), blocks,
                new EvidenceSettings(10_000));
        server = serve(new EvidenceApi(exporter));
    }

    private static TestBlocks fill() throws Exception {
        from = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        TestBlocks blocks = new TestBlocks();
        for (int b = 0; b < 4; b++) {
            List<byte[]> digests = new java.util.ArrayList<>();
            for (int m = 0; m < 6; m++) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(("message " + b + "/" + m).getBytes());
                digests.add(digest);
                journal.append(AuditEvent.of("application.message-accepted", "member:bank-a", "application:" + APP,
                        Instant.now()).withPayloadSha256(HexFormat.of().formatHex(digest)).withAttribute("app", APP)
                        .withAttribute("message-id", "m-" + b + "-" + m));
                journal.append(AuditEvent.of("identity.user-created", "admin", "users/u" + b + m, Instant.now()));
            }
            BlockRecord block = blocks.seal(APP, digests, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            journal.append(AuditEvent.of(BundleLayout.BLOCK_SEALED, "system:blocks", "application:" + APP,
                    block.createdAt()).withPayloadSha256(block.blockHash()).withAttribute("app", APP));
            if (b == 1) {
                checkpoints.create();
            }
        }
        checkpoints.create();
        to = Instant.now();
        editedLeaf = 2;
        return blocks;
    }

    private static ApplianceServer serve(EvidenceApi api) {
        Authenticator auth = c -> switch (c.bearerToken().orElse("")) {
            case "auditor" -> principal(Role.AUDITOR);
            case "admin" -> principal(Role.CONSORTIUM_ADMIN);
            case "operator" -> principal(Role.OPERATOR);
            default -> throw new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "unknown token");
        };
        HttpSettings http = new HttpSettings("127.0.0.1", 0, true, Optional.empty(), Optional.empty(), "none",
                Optional.empty(), Optional.empty(), 2048, Duration.ofSeconds(7));
        ApiRouter router = new ApiRouter(List.of(api), auth, http,
                new Observability(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), OpenTelemetry.noop()), List.of());
        return ApplianceServer.start(http, Optional.empty(), router::register);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        journal.close();
        db.close();
    }

    @Test
    @Order(1)
    void anAuditorExportsABundleThatVerifies() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/evidence?app=" + APP + "&from=" + from + "&to=" + to, "auditor");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("evidence-payments-");
        Path bundle = Files.write(dir.resolve("api.zip"), response.body());

        Bundles.Run run = Bundles.audit("verify", bundle.toString());
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(AuditCommand.EXIT_VALID);
        assertThat(run.out()).contains("28 entries (28 in full").contains("4 block(s) with 24 message digest(s)")
                .contains("2 signed checkpoint(s)");
    }

    @Test
    @Order(2)
    void aRedactedExportVerifies() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/evidence?app=" + APP + "&from=" + from + "&to=" + to
                + "&redacted=true", "admin");
        assertThat(response.statusCode()).isEqualTo(200);
        Path bundle = Files.write(dir.resolve("redacted.zip"), response.body());
        Bundles.Run run = Bundles.audit("verify", bundle.toString());
        assertThat(run.status()).as(run.out()).isEqualTo(AuditCommand.EXIT_VALID);
        assertThat(run.out()).contains("(4 in full, 24 as leaf hashes)");
    }

    @Test
    @Order(3)
    void refusalsAreProblemsBeforeAnyByteIsSent() throws Exception {
        assertThat(get("/api/v1/evidence?app=" + APP + "&from=" + from + "&to=" + to, "operator").statusCode())
                .isEqualTo(403);
        assertThat(problem(get("/api/v1/evidence?app=" + APP + "&from=yesterday&to=" + to, "auditor")))
                .isEqualTo("CAIRN-API-0011");
        assertThat(problem(get("/api/v1/evidence?from=" + from + "&to=" + to, "auditor"))).isEqualTo("CAIRN-API-0011");
        assertThat(problem(get("/api/v1/evidence?app=" + APP + "&from=" + from + "&to=" + to + "&redacted=yes",
                "auditor"))).isEqualTo("CAIRN-API-0011");
        Instant future = Instant.now().plusSeconds(3600);
        journal.append(AuditEvent.of("application.message-accepted", "member:bank-a", "application:" + APP,
                Instant.now()));
        assertThat(problem(get("/api/v1/evidence?app=" + APP + "&from=" + from + "&to=" + future, "auditor")))
                .isEqualTo("CAIRN-EVIDENCE-0002");
        EvidenceExporter small = new EvidenceExporter(EvidenceJournal.of(journal, checkpoints), BlockEvidenceSource.none(),
                new EvidenceSettings(5));
        try (ApplianceServer limited = serve(new EvidenceApi(small))) {
            HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create(limited.baseUri()
                    + "/api/v1/evidence?app=" + APP + "&from=" + from + "&to=" + to))
                    .header("Authorization", "Bearer auditor").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(problem(response)).isEqualTo("CAIRN-EVIDENCE-0001");
        }
    }

    @Test
    @Order(4)
    void anEditedJournalRowIsCaughtAndTheEntryNamed() throws Exception {
        db.jdbi().useHandle(h -> h.execute("update journal.entries set entry = set_byte(entry, length(entry) - 1,"
                + " get_byte(entry, length(entry) - 1) + 1) where leaf_index = ?", editedLeaf));
        HttpResponse<byte[]> response = get("/api/v1/evidence?app=" + APP + "&from=" + from + "&to=" + to, "auditor");
        assertThat(response.statusCode()).isEqualTo(200);
        Path bundle = Files.write(dir.resolve("edited.zip"), response.body());

        Bundles.Run run = Bundles.audit("verify", bundle.toString());
        assertThat(run.status()).isEqualTo(AuditCommand.EXIT_INVALID);
        assertThat(run.out()).contains("FAIL journal/inclusion-proofs.jsonl | proof of leaf index " + editedLeaf)
                .contains("does not verify against the signed root").contains("RESULT: INVALID");
    }

    private static HttpResponse<byte[]> get(String path, String token) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String problem(HttpResponse<byte[]> response) throws Exception {
        JsonNode body = BundleLayout.JSON.readTree(response.body());
        return body.path("code").asText();
    }

    private static Principal principal(Role role) {
        return new Principal(role.label(), role.label(), Set.of(role), Role.ALL, Optional.empty(),
                Principal.AuthenticationMethod.TOKEN);
    }
}
