package io.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.http.ApiRouter;
import io.cairn.http.ApplianceServer;
import io.cairn.http.Authenticator;
import io.cairn.http.HttpSettings;
import io.cairn.http.Observability;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signing API of a service behind a real Helidon listener on 127.0.0.1. Authentication is a fixed table of
 * bearer tokens ({@code <user>-token}) to principals (the identity module's database-backed authenticator is
 * exercised by the appliance's own tests); everything after authentication (role checks, problem+json, the
 * service, the database) is the production path.
 */
final class SigningApiServer implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApplianceServer server;

    private SigningApiServer(ApplianceServer server) {
        this.server = server;
    }

    static SigningApiServer start(SigningService service, Map<String, Principal> users) {
        Authenticator tokens = c -> Optional.ofNullable(users.get(c.bearerToken().orElse("").replace("-token", "")))
                .orElseThrow(() -> new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "unknown token"));
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, true, Optional.empty(), Optional.empty(), "none",
                Optional.empty(), Optional.empty(), 1 << 20, Duration.ofSeconds(5));
        ApiRouter router = new ApiRouter(service.apiServices(), tokens, settings,
                new Observability(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), OpenTelemetry.noop()), List.of());
        return new SigningApiServer(ApplianceServer.start(settings, Optional.empty(), router::register));
    }

    HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + user + "-token");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpRequest request = b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> res) throws Exception {
        return JSON.readTree(res.body());
    }

    static void problem(HttpResponse<String> res, int status, String code) throws Exception {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        assertThat(json(res).get("code").asText()).isEqualTo(code);
    }

    static JsonNode ok(HttpResponse<String> res, int status) throws Exception {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        return json(res);
    }

    @Override
    public void close() {
        server.close();
    }
}
