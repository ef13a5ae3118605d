package io.cairn.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health for load balancers and orchestrators, unauthenticated by design and free of secrets:
 * {@code /health/live} (the process serves HTTP), {@code /health/ready} (every dependency is usable) and
 * {@code /health} (both, with each check's state). 200 when UP, 503 when DOWN.
 */
public final class HealthRoutes {
    private final List<HealthCheck> readiness;

    /** Creates the routes over the given readiness checks. */
    public HealthRoutes(List<HealthCheck> readiness) {
        this.readiness = List.copyOf(readiness);
    }

    /** Adds the routes. */
    public void register(HttpRouting.Builder routing) {
        routing.get("/health/live", (req, res) -> send(res, report(List.of())));
        routing.get("/health/ready", (req, res) -> send(res, report(readiness)));
        routing.get("/health", (req, res) -> send(res, report(readiness)));
    }

    /** The current report, as served. */
    public Map<String, Object> report() {
        return report(readiness);
    }

    private static Map<String, Object> report(List<HealthCheck> checks) {
        List<Map<String, Object>> results = new ArrayList<>();
        boolean up = true;
        for (HealthCheck check : checks) {
            HealthCheck.HealthStatus status = check.check();
            up &= status.up();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", check.name());
            entry.put("status", status.up() ? "UP" : "DOWN");
            entry.put("detail", status.detail());
            results.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", results);
        return body;
    }

    private static void send(ServerResponse res, Map<String, Object> body) {
        boolean up = "UP".equals(body.get("status"));
        res.status(up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.write(body));
    }
}
