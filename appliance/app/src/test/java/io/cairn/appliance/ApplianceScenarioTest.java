package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.appliance.cli.Main;
import io.cairn.http.Endpoint;
import io.cairn.http.Json;
import io.cairn.kernel.config.CairnConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The appliance as a user meets it over HTTP: real server, real embedded PostgreSQL. */
@Tag("integration")
class ApplianceScenarioTest {
    static final String ADMIN = "cairn_scenario-bootstrap-token-0123456789abcdefghijkl";

    @TempDir
    static Path dir;
    static Appliance appliance;
    static Http http;

    @BeforeAll
    static void start() {
        CairnConfig config = ApplianceConfig.load(java.util.Optional.empty(), Map.of(), Map.of(
                "data-directory", dir.toString(), "server.port", "0", "server.plaintext-http", "true",
                "security.bootstrap.token", ADMIN, "logging.format", "text")).configOrThrow();
        appliance = Appliance.start(config);
        http = new Http(appliance.baseUri());
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    @Test
    void everyApiRouteRefusesCallsWithoutCredentials() {
        List<Endpoint> endpoints = appliance.router().endpoints();
        assertThat(endpoints).hasSizeGreaterThan(5);
        for (Endpoint e : endpoints) {
            String path = e.path().replaceAll("\\{[^}]+}", "x");
            Http.Answer answer = http.method(e.method(), path, null, e.requestType().isPresent() ? "{}" : null);
            assertThat(answer.status()).as(e.method() + " " + e.path()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("CAIRN-AUTH-0001");
            assertThat(answer.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(e.roles()).as("declared roles of " + e.path()).isNotEmpty();
        }
    }

    @Test
    void rolesAndTokenScopesAreEnforced() {
        assertThat(http.post("/api/v1/users", ADMIN, user("aud", List.of("auditor"))).status()).isEqualTo(201);
        String auditor = http.post("/api/v1/users/aud/tokens", ADMIN, Map.of("name", "laptop")).body().get("token").asText();
        assertThat(http.get("/api/v1/users", auditor).status()).isEqualTo(200);
        Http.Answer refused = http.post("/api/v1/users", auditor, user("x1", List.of("member")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("CAIRN-AUTH-0003");

        http.post("/api/v1/users", ADMIN, user("both", List.of("consortium-admin", "auditor")));
        String narrow = http.post("/api/v1/users/both/tokens", ADMIN, Map.of("name", "read-only", "scopes",
                List.of("auditor"))).body().get("token").asText();
        Http.Answer scoped = http.post("/api/v1/users", narrow, user("x2", List.of("member")));
        assertThat(scoped.status()).isEqualTo(403);
        assertThat(scoped.code()).isEqualTo("CAIRN-AUTH-0006");
        assertThat(http.get("/api/v1/me", narrow).body().get("effectiveRoles").toString()).isEqualTo("[\"auditor\"]");
        Http.Answer tooWide = http.post("/api/v1/users/aud/tokens", ADMIN, Map.of("name", "t", "scopes", List.of("operator")));
        assertThat(tooWide.status()).isEqualTo(422);
        assertThat(tooWide.body().get("field").asText()).isEqualTo("scopes");
    }

    @Test
    void tokensCanBeListedAndRevokedAndUsersDisabled() {
        http.post("/api/v1/users", ADMIN, user("ops", List.of("operator")));
        JsonNode issued = http.post("/api/v1/users/ops/tokens", ADMIN, Map.of("name", "ci", "ttlSeconds", 3600)).body();
        String token = issued.get("token").asText();
        assertThat(http.get("/api/v1/me", token).status()).isEqualTo(200);
        JsonNode listed = http.get("/api/v1/users/ops/tokens", ADMIN).body();
        assertThat(listed.toString()).doesNotContain(token).contains("\"state\":\"active\"");
        assertThat(http.method("DELETE", "/api/v1/tokens/" + issued.get("id").asText(), token, null).status()).isEqualTo(200);
        Http.Answer after = http.get("/api/v1/me", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("CAIRN-AUTH-0002");

        String second = http.post("/api/v1/users/ops/tokens", ADMIN, Map.of("name", "ci2")).body().get("token").asText();
        assertThat(http.post("/api/v1/users/ops/disable", ADMIN, "{}").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/me", second).code()).isEqualTo("CAIRN-AUTH-0005");
    }

    @Test
    void badRequestsGetProblemsThatNameTheField() {
        Http.Answer unknown = http.post("/api/v1/users", ADMIN, "{\"username\":\"u1\",\"displayName\":\"U\",\"roles\":[\"member\"],\"rolez\":1}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("field").asText()).isEqualTo("rolez");
        Http.Answer wrongType = http.post("/api/v1/users", ADMIN, "{\"username\":\"u1\",\"displayName\":\"U\",\"roles\":\"member\"}");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.body().get("field").asText()).isEqualTo("roles");
        Http.Answer badRole = http.post("/api/v1/users", ADMIN, user("u1", List.of("king")));
        assertThat(badRole.status()).isEqualTo(422);
        assertThat(badRole.body().get("detail").asText()).contains("unknown role 'king'");
        Http.Answer duplicate = http.post("/api/v1/users", ADMIN, user("admin", List.of("member")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(http.get("/api/v1/users/nobody", ADMIN).code()).isEqualTo("CAIRN-API-0009");
    }

    @Test
    void openApiDescriptionIsServedAndMatchesTheCommittedFile() throws Exception {
        Http.Answer answer = http.get("/api/v1/openapi", ADMIN);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode paths = answer.body().get("paths");
        Set<String> described = new TreeSet<>();
        paths.properties().forEach(p -> p.getValue().properties().forEach(m -> described.add(
                m.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        Set<String> served = new TreeSet<>();
        appliance.router().endpoints().forEach(e -> served.add(e.method() + " " + e.path()));
        assertThat(described).isEqualTo(served);
        paths.properties().forEach(p -> p.getValue().properties().forEach(m -> assertThat(m.getValue().get("x-cairn-roles"))
                .as(p.getKey()).isNotEmpty()));
        String pretty = Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT)
                .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(Json.mapper().treeToValue(answer.body(), Object.class))
                .replace("\r\n", "\n") + "\n";
        assertThat(RepositoryFiles.committed("docs/openapi.json", pretty))
                .as("docs/openapi.json is stale: run './mvnw -pl appliance/app verify -Dcairn.update-generated=true'")
                .isEqualTo(pretty);
    }

    @Test
    void journalRecordsEventsUnderCheckpointsSignedInKeyCustodyWithVerifiableProofs() throws Exception {
        Map<String, Object> founder = Map.of("lei", "506700GE1G29325QX363", "legalName", "Bank A AG", "jurisdiction", "DE",
                "contacts", List.of(Map.of("name", "Ops", "email", "ops@bank-a.example", "phone", "+49 69 1234 5678")),
                "roles", List.of("founder"));
        assertThat(http.post("/api/v1/members", ADMIN, founder).status()).isEqualTo(201);
        assertThat(Waiting.until(java.time.Duration.ofSeconds(10), () -> http.post("/api/v1/journal/checkpoints", ADMIN, "{}")
                .body().path("treeSize").asLong() > 0)).as("the member's creation reaches the journal").isTrue();
        JsonNode checkpoints = http.get("/api/v1/journal/checkpoints", ADMIN).body();
        JsonNode latest = checkpoints.get("latest");
        assertThat(latest.get("keyId").asText()).startsWith("software:");
        long size = latest.get("treeSize").asLong();
        Http.Answer proof = http.get("/api/v1/journal/entries/0/inclusion-proof?treeSize=" + size, ADMIN);
        assertThat(proof.status()).isEqualTo(200);
        assertThat(proof.body().get("root").asText()).isEqualTo(latest.get("root").asText());
        Path file = dir.resolve("inclusion.json");
        java.nio.file.Files.writeString(file, proof.raw().body());
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("proof", "verify-inclusion", file.toString())).as(out.toString()).isZero();
        List<String> types = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            types.add(http.get("/api/v1/journal/entries/" + i, ADMIN).body().get("type").asText());
        }
        assertThat(types).contains("membership.member-founded");
        Http.Answer health = http.get("/health", null);
        assertThat(health.body().toString()).contains("\"journal\"").contains("key-custody-software");
    }

    @Test
    void keysAreCreatedInCustodyAndEverySignatureIsJournaled() {
        Http.Answer created = http.post("/api/v1/keys", ADMIN, Map.of("alias", "seal-1", "backend", "software",
                "curve", "p-256", "purpose", "report-seal"));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        long before = http.post("/api/v1/journal/checkpoints", ADMIN, "{}").body().path("treeSize").asLong();
        String digest = "ab".repeat(32);
        Http.Answer signed = http.post("/api/v1/keys/seal-1/sign/digest", ADMIN, Map.of("idempotencyKey", "seal-req-1",
                "digest", digest, "purpose", "report-seal"));
        assertThat(signed.status()).as(signed.raw().body()).isBetween(200, 201);
        Http.Answer again = http.post("/api/v1/keys/seal-1/sign/digest", ADMIN, Map.of("idempotencyKey", "seal-req-1",
                "digest", digest, "purpose", "report-seal"));
        assertThat(again.body().get("id")).as("same request, same answer").isEqualTo(signed.body().get("id"));
        assertThat(again.body().get("signature").get("der")).isEqualTo(signed.body().get("signature").get("der"));
        long after = http.post("/api/v1/journal/checkpoints", ADMIN, "{}").body().path("treeSize").asLong();
        assertThat(after).as("the signature was recorded in the journal before it was released").isGreaterThan(before);
        Http.Answer wrongPurpose = http.post("/api/v1/keys/seal-1/sign/digest", ADMIN, Map.of("idempotencyKey",
                "seal-req-2", "digest", digest, "purpose", "certificate-authority"));
        assertThat(wrongPurpose.status()).isEqualTo(403);
        assertThat(wrongPurpose.code()).isEqualTo("CAIRN-SIGN-0010");
    }

    @Test
    void healthAndMetricsAreServed() {
        Http.Answer health = http.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().get("checks").get(0).get("name").asText()).isEqualTo("database");
        assertThat(http.get("/health/live", null).status()).isEqualTo(200);
        http.get("/api/v1/me", ADMIN);
        String metrics = http.get("/metrics", null).raw().body();
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("cairn_http_server_requests_seconds_count");
        assertThat(metrics).contains("cairn_readiness{check=\"database\"} 1.0")
                .contains("cairn_readiness{check=\"key-custody-software\"} 1.0")
                .contains("cairn_journal_tamper_detected_total 0.0");
        assertThat(Waiting.until(java.time.Duration.ofSeconds(15), () -> http.get("/metrics", null).raw().body()
                .contains("cairn_leader{lease=\"background-jobs\"} 1.0"))).as("a single instance leads").isTrue();
    }

    @Test
    void operatorCommandsWorkAgainstTheRunningAppliance() {
        String[] api = {"--url", appliance.baseUri(), "--token", ADMIN};
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        int created = cli.execute(concat(new String[] {"users", "create", "cli-user", "--display-name", "From CLI",
            "--role", "compliance-officer"}, api));
        assertThat(created).isZero();
        assertThat(out.toString()).contains("\"username\" : \"cli-user\"");
        int issued = Main.commandLine().execute(concat(new String[] {"tokens", "issue", "--user", "cli-user", "--name",
            "export"}, api));
        assertThat(issued).isZero();
        StringWriter err = new StringWriter();
        CommandLine failing = Main.commandLine();
        failing.setErr(new PrintWriter(err, true));
        assertThat(failing.execute(concat(new String[] {"users", "show", "ghost"}, api))).isEqualTo(1);
        assertThat(err.toString()).contains("CAIRN-API-0009");
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    private static Map<String, Object> user(String name, List<String> roles) {
        return Map.of("username", name, "displayName", "User " + name, "roles", roles);
    }

}
