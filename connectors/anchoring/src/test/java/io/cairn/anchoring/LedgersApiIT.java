package io.cairn.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.connector.evm.AnvilNode;
import io.cairn.http.ApiRouter;
import io.cairn.http.ApplianceServer;
import io.cairn.http.Authenticator;
import io.cairn.http.HttpSettings;
import io.cairn.http.Observability;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/ledgers} through a real Helidon listener on 127.0.0.1 against live and dead anvil nodes, with a
 * real PostgreSQL. A fixed token table stands in for the identity module; everything after authentication is
 * the production path.
 */
@Tag("integration")
class LedgersApiIT {
    private static final String SECRET = "Bearer s3cr3t-node-token";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static AnchoringFixture fx;
    static AnvilNode node;
    static String contract;
    static ApplianceServer server;

    @BeforeAll
    static void start() {
        fx = new AnchoringFixture(dir);
        node = fx.anvil(31400);
        contract = fx.deploy(node);
        Map<String, Principal> users = Map.of("alice", user("alice", Role.CONSORTIUM_ADMIN),
                "olga", user("olga", Role.OPERATOR));
        Authenticator tokens = c -> Optional.ofNullable(users.get(c.bearerToken().orElse("").replace("-token", "")))
                .orElseThrow(() -> new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "unknown token"));
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, true, Optional.empty(), Optional.empty(), "none",
                Optional.empty(), Optional.empty(), 1 << 20, Duration.ofSeconds(5));
        ApiRouter router = new ApiRouter(List.of(new LedgersApi(fx.registry, fx.clock)), tokens, settings,
                new Observability(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), OpenTelemetry.noop()),
                List.of());
        server = ApplianceServer.start(settings, Optional.empty(), router::register);
    }

    @AfterAll
    static void stop() {
        server.close();
        fx.close();
    }

    private static Principal user(String name, Role role) {
        return new Principal("id-" + name, name, Set.of(role), Set.of(role), Optional.empty(),
                Principal.AuthenticationMethod.TOKEN);
    }

    private static String body(String name, String url, long chainId) {
        return "{\"name\":\"" + name + "\",\"type\":\"evm\",\"endpoints\":[\"" + url + "\"],\"chainId\":" + chainId
                + ",\"keyAlias\":\"anchor\",\"contractAddress\":\"" + contract + "\",\"finality\":\"depth\","
                + "\"finalityDepth\":2,\"authHeader\":\"" + SECRET + "\"}";
    }

    private static HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + user + "-token").header("Content-Type", "application/json");
        return CLIENT.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode answer(HttpResponse<String> res, int status) throws Exception {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        assertThat(res.body()).doesNotContain("s3cr3t");
        return res.body().isEmpty() ? JSON.nullNode() : JSON.readTree(res.body());
    }

    @Test
    void aLiveLedgerIsRegisteredAndShownWithoutItsSecret() throws Exception {
        JsonNode created = answer(call("POST", "/api/v1/ledgers", "alice", body("live", node.url().toString(),
                node.chainId())), 201);
        assertThat(created.get("health").get("status").asText()).isEqualTo("UP");
        assertThat(created.get("authHeaderConfigured").asBoolean()).isTrue();
        assertThat(created.get("finalityDepth").asInt()).isEqualTo(2);
        assertThat(created.has("authHeader")).isFalse();

        JsonNode shown = answer(call("GET", "/api/v1/ledgers/live", "olga", null), 200);
        assertThat(shown.get("chainId").asLong()).isEqualTo(31400);
        assertThat(shown.get("queueDepth").asLong()).isZero();
        assertThat(answer(call("GET", "/api/v1/ledgers", "olga", null), 200).get("ledgers").findValuesAsText("name"))
                .contains("live");
        assertThat(fx.registry.require("live").definition().authHeader()).contains(SECRET);
        assertThat(answer(call("POST", "/api/v1/ledgers", "alice", body("live", node.url().toString(),
                node.chainId())), 409).get("code").asText()).isEqualTo("CAIRN-LEDGER-0021");
        assertThat(answer(call("POST", "/api/v1/ledgers", "olga", body("other", node.url().toString(),
                node.chainId())), 403).get("code").asText()).isEqualTo("CAIRN-AUTH-0003");
    }

    @Test
    void aDeadPortIsRefusedNamingTheConnectivityFailure() throws Exception {
        String url = "http://127.0.0.1:" + AnvilNode.freePort();
        JsonNode problem = answer(call("POST", "/api/v1/ledgers", "alice", body("dead", url, 31400)), 422);
        assertThat(problem.get("code").asText()).isEqualTo("CAIRN-LEDGER-0022");
        assertThat(problem.get("detail").asText()).contains("DOWN").contains("CAIRN-LEDGER-0001");
        answer(call("GET", "/api/v1/ledgers/dead", "alice", null), 404);
    }

    @Test
    void aWrongChainIdIsRefused() throws Exception {
        JsonNode problem = answer(call("POST", "/api/v1/ledgers", "alice", body("wrong", node.url().toString(),
                31401)), 422);
        assertThat(problem.get("code").asText()).isEqualTo("CAIRN-LEDGER-0022");
        assertThat(problem.get("detail").asText()).contains("chain id 31400").contains("31401");
        assertThat(fx.registry.find("wrong")).isEmpty();
    }

    @Test
    void unavailableTypesAndBadFieldsAreRefused() throws Exception {
        String fabric = body("fab", node.url().toString(), 1).replace("\"evm\"", "\"fabric\"");
        JsonNode problem = answer(call("POST", "/api/v1/ledgers", "alice", fabric), 422);
        assertThat(problem.get("code").asText()).isEqualTo("CAIRN-LEDGER-0023");
        assertThat(problem.get("detail").asText()).contains("not available on this appliance");
        String badName = body("Bad_Name", node.url().toString(), node.chainId());
        assertThat(answer(call("POST", "/api/v1/ledgers", "alice", badName), 422).get("field").asText())
                .isEqualTo("name");
    }

    @Test
    void aLedgerWithOpenJobsIsNotRemoved() throws Exception {
        answer(call("POST", "/api/v1/ledgers", "alice", body("busy", node.url().toString(), node.chainId())), 201);
        fx.feed.add("payments", 0, fx.clock.instant(), "busy");
        fx.registry.jobs().enqueue("busy", fx.feed.pendingFor("busy", 10), fx.clock.instant());
        assertThat(answer(call("DELETE", "/api/v1/ledgers/busy", "alice", null), 409).get("code").asText())
                .isEqualTo("CAIRN-LEDGER-0024");
        fx.drain(4);
        node.mine(2);                                 // depth-2 finality
        fx.drain(4);
        answer(call("DELETE", "/api/v1/ledgers/busy", "alice", null), 204);
        answer(call("GET", "/api/v1/ledgers/busy", "alice", null), 404);
        assertThat(fx.journaled("anchoring.ledger-removed")).hasSize(1);
    }
}
