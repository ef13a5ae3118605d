package io.cairn.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * Where the HTTP layer reports: Micrometer meters (scraped by Prometheus at {@code /metrics}) and an
 * OpenTelemetry instance for spans (a no-op one unless an exporter is configured).
 *
 * @param meters        meter registry
 * @param openTelemetry OpenTelemetry API entry point
 */
public record Observability(MeterRegistry meters, OpenTelemetry openTelemetry) {
    /** Validates the record. */
    public Observability {
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(openTelemetry, "openTelemetry");
    }
}
