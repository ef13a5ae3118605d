package io.cairn.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives a real Helidon listener on 127.0.0.1. The authenticator here is a fixed table of two tokens
 * (the identity module's database-backed authenticator is exercised by the appliance scenario tests).
 */
class ApiRouterTest {
    record Widget(String name, int size, Optional<String> note) {
        Widget {
            if (name.isBlank()) {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, "name", "name must not be blank");
            }
        }
    }

    private static final Principal ADMIN = principal("admin", Role.CONSORTIUM_ADMIN);
    private static final Principal AUDITOR = principal("auditor", Role.AUDITOR);
    private static ApplianceServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final PrometheusMeterRegistry METERS = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @BeforeAll
    static void start() {
        ApiService widgets = () -> List.of(
                Endpoint.of("POST", "/api/v1/widgets", "createWidget").roles(Role.CONSORTIUM_ADMIN)
                        .request(Widget.class).response(Widget.class).status(201)
                        .handler(r -> ApiResponse.created("/api/v1/widgets/x", r.body(Widget.class))),
                Endpoint.of("GET", "/api/v1/widgets/{id}", "getWidget").roles(Role.ALL)
                        .response(Widget.class).handler(r -> ApiResponse.ok(new Widget(r.path("id"), 1, Optional.empty()))),
                Endpoint.of("GET", "/api/v1/widgets/{id}/archive", "getWidgetArchive").roles(Role.ALL)
                        .response(BinaryBody.class)
                        .handler(r -> ApiResponse.binary("application/zip", Map.of("Content-Disposition",
                                "attachment; filename=\"w.zip\""), out -> {
                                    for (int i = 0; i < 300_000; i++) {
                                        out.write(i & 0xff);
                                    }
                                })),
                Endpoint.of("GET", "/api/v1/broken", "broken").roles(Role.ALL)
                        .handler(r -> {
                            throw new IllegalStateException("secret internal detail",
                                    new SQLTransientConnectionException("pool timeout"));
                        }),
                Endpoint.of("GET", "/api/v1/crash", "crash").roles(Role.ALL)
                        .handler(r -> {
                            throw new IllegalStateException("secret internal detail");
                        }));
        Authenticator auth = c -> switch (c.bearerToken().orElse("")) {
            case "admin-token" -> ADMIN;
            case "auditor-token" -> AUDITOR;
            default -> throw new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "unknown token");
        };
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, true, Optional.empty(), Optional.empty(), "none",
                Optional.empty(), Optional.empty(), 2048, Duration.ofSeconds(7));
        FailureTranslator lostDatabase = e -> e.getCause() instanceof SQLTransientConnectionException
                ? Optional.of(new CairnException(ErrorCode.STORE_UNAVAILABLE, "database unavailable"))
                : Optional.empty();
        ApiRouter router = new ApiRouter(List.of(widgets), auth, settings,
                new Observability(METERS, OpenTelemetry.noop()), List.of(lostDatabase));
        server = ApplianceServer.start(settings, Optional.empty(), routing -> {
            new MetricsRoutes(METERS).register(routing);
            router.register(routing);
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void missingCredentialsAre401ProblemWithCode() throws Exception {
        HttpResponse<String> res = send("GET", "/api/v1/widgets/1", null, null);
        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(res.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        JsonNode body = json(res);
        assertThat(body.get("code").asText()).isEqualTo("CAIRN-AUTH-0001");
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("type").asText()).endsWith("CAIRN-AUTH-0001");
        assertThat(body.get("requestId").asText()).isNotBlank();
    }

    @Test
    void invalidTokenIs401AndWrongRoleIs403() throws Exception {
        assertThat(json(send("GET", "/api/v1/widgets/1", "nope", null)).get("code").asText()).isEqualTo("CAIRN-AUTH-0002");
        HttpResponse<String> res = send("POST", "/api/v1/widgets", "auditor-token", "{\"name\":\"a\",\"size\":1}");
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(json(res).get("code").asText()).isEqualTo("CAIRN-AUTH-0003");
        assertThat(json(res).get("detail").asText()).contains("consortium-admin");
    }

    @Test
    void validRequestIsServed() throws Exception {
        HttpResponse<String> res = send("POST", "/api/v1/widgets", "admin-token", "{\"name\":\"a\",\"size\":3}");
        assertThat(res.statusCode()).isEqualTo(201);
        assertThat(res.headers().firstValue("Location")).contains("/api/v1/widgets/x");
        assertThat(json(res).get("size").asInt()).isEqualTo(3);
        assertThat(json(send("GET", "/api/v1/widgets/w7", "auditor-token", null)).get("name").asText()).isEqualTo("w7");
    }

    @Test
    void binaryBodiesAreStreamedWithTheirMediaType() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/widgets/w1/archive"))
                .header("Authorization", "Bearer auditor-token").GET().build();
        HttpResponse<byte[]> res = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(res.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"w.zip\"");
        assertThat(res.body()).hasSize(300_000);
        for (int i = 0; i < res.body().length; i++) {
            assertThat(res.body()[i]).isEqualTo((byte) i);
        }
        assertProblem(send("GET", "/api/v1/widgets/w1/archive", null, null), 401, "CAIRN-AUTH-0001", null);
    }

    @Test
    void binaryBodiesAreDescribedAsBinaryInTheApiDescription() {
        Endpoint archive = Endpoint.of("GET", "/api/v1/archive", "getArchive").roles(Role.ALL)
                .response(BinaryBody.class).handler(r -> ApiResponse.noContent());
        JsonNode doc = Json.mapper().valueToTree(OpenApiDocument.of(List.of(archive), "1"));
        JsonNode content = doc.at("/paths/~1api~1v1~1archive/get/responses/200/content");
        assertThat(content.at("/application~1octet-stream/schema/format").asText()).isEqualTo("binary");
        assertThat(content.has("application/json")).isFalse();
    }

    @Test
    void badBodiesNameTheField() throws Exception {
        assertProblem(send("POST", "/api/v1/widgets", "admin-token", "{\"name\":\"a\","), 400, "CAIRN-API-0001", null);
        assertProblem(send("POST", "/api/v1/widgets", "admin-token", "{\"name\":\"a\",\"size\":1,\"colour\":\"red\"}"),
                400, "CAIRN-API-0002", "colour");
        assertProblem(send("POST", "/api/v1/widgets", "admin-token", "{\"name\":\"a\",\"size\":\"big\"}"),
                422, "CAIRN-API-0003", "size");
        assertProblem(send("POST", "/api/v1/widgets", "admin-token", "{\"name\":7,\"size\":1}"),
                422, "CAIRN-API-0003", "name");
        assertProblem(send("POST", "/api/v1/widgets", "admin-token", "{\"name\":\" \",\"size\":1}"),
                422, "CAIRN-API-0004", "name");
        assertProblem(send("POST", "/api/v1/widgets", "admin-token", "{\"size\":1}"), 422, null, "name");
        assertProblem(send("POST", "/api/v1/widgets", "admin-token", "[1]"), 400, "CAIRN-API-0001", null);
    }

    @Test
    void oversizedAndWronglyTypedBodiesAreRefused() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(5000) + "\",\"size\":1}";
        assertProblem(send("POST", "/api/v1/widgets", "admin-token", big), 413, "CAIRN-API-0005", null);
        HttpRequest text = HttpRequest.newBuilder(uri("/api/v1/widgets")).header("Authorization", "Bearer admin-token")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertProblem(CLIENT.send(text, HttpResponse.BodyHandlers.ofString()), 415, "CAIRN-API-0006", null);
    }

    @Test
    void unknownPathsAndMethodsAreProblems() throws Exception {
        assertProblem(send("GET", "/api/v1/nothing", "admin-token", null), 404, "CAIRN-API-0007", null);
        HttpResponse<String> res = send("DELETE", "/api/v1/widgets/3", "admin-token", null);
        assertProblem(res, 405, "CAIRN-API-0008", null);
        assertThat(res.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void lostDatabaseIs503WithRetryAfterAndInternalErrorsHideDetails() throws Exception {
        HttpResponse<String> res = send("GET", "/api/v1/broken", "admin-token", null);
        assertProblem(res, 503, "CAIRN-STORE-0001", null);
        assertThat(res.headers().firstValue("Retry-After")).contains("7");
        HttpResponse<String> crash = send("GET", "/api/v1/crash", "admin-token", null);
        assertProblem(crash, 500, "CAIRN-SYS-0001", null);
        assertThat(crash.body()).doesNotContain("secret internal detail").doesNotContain("at io.cairn");
    }

    @Test
    void requestIdIsEchoedAndMetricsCountRequests() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri("/api/v1/widgets/1")).header("X-Request-Id", "abc-123")
                .header("Authorization", "Bearer admin-token").build();
        HttpResponse<String> res = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(res.headers().firstValue("X-Request-Id")).contains("abc-123");
        String metrics = send("GET", "/metrics", null, null).body();
        assertThat(metrics).contains("cairn_http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/widgets/{id}\"");
    }

    private static void assertProblem(HttpResponse<String> res, int status, String code, String field) throws IOException {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode body = json(res);
        if (code != null) {
            assertThat(body.get("code").asText()).isEqualTo(code);
        }
        if (field != null) {
            assertThat(body.get("field").asText()).isEqualTo(field);
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(server.baseUri() + path);
    }

    private static JsonNode json(HttpResponse<String> res) throws IOException {
        return Json.mapper().readTree(res.body());
    }

    private static Principal principal(String name, Role role) {
        return new Principal(name, name, Set.of(role), Role.ALL, Optional.empty(), Principal.AuthenticationMethod.TOKEN);
    }

}
