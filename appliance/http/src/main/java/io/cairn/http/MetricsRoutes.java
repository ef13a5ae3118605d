package io.cairn.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Prometheus text exposition of every meter at {@code /metrics}. */
public final class MetricsRoutes {
    private final PrometheusMeterRegistry registry;

    /** Creates the route over a Prometheus registry. */
    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** Adds the route. */
    public void register(HttpRouting.Builder routing) {
        routing.get("/metrics", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            res.send(registry.scrape());
        });
    }
}
