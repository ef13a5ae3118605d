package io.cairn.appliance;

import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Logging and telemetry settings.
 *
 * @param logFormat      {@code json} (one object per line) or {@code text}
 * @param logLevel       lowest level written
 * @param otlpEndpoint   OTLP/HTTP endpoint for traces and metrics; telemetry export is off when absent
 * @param otlpInterval   how often metrics are exported over OTLP
 * @param serviceName    {@code service.name} resource attribute
 */
public record ObservabilitySettings(String logFormat, String logLevel, Optional<String> otlpEndpoint,
                                    Duration otlpInterval, String serviceName) {
    /** Log format. */
    public static final ConfigOption LOG_FORMAT = ConfigOption.choice("logging.format", "json", List.of("json", "text"),
            "`json` writes one JSON object per line (time, level, logger, message, requestId, traceId, user); "
                    + "`text` writes plain lines for a terminal.");
    /** Log level. */
    public static final ConfigOption LOG_LEVEL = ConfigOption.choice("logging.level", "info",
            List.of("error", "warning", "info", "debug", "trace"), "Lowest level of log records written.");
    /** OTLP endpoint. */
    public static final ConfigOption OTLP_ENDPOINT = ConfigOption.optionalString("telemetry.otlp.endpoint",
            "Base URL of an OpenTelemetry collector's OTLP/HTTP receiver, e.g. `http://otel.internal:4318`. "
                    + "Traces and metrics are exported there when set; nothing is exported when unset.");
    /** OTLP metrics interval. */
    public static final ConfigOption OTLP_INTERVAL = ConfigOption.duration("telemetry.otlp.metrics-interval", "60s",
            "How often metrics are pushed over OTLP.");
    /** Service name. */
    public static final ConfigOption SERVICE_NAME = ConfigOption.string("telemetry.service-name", "cairn",
            "`service.name` reported with traces and metrics.");

    /** Every observability option. */
    public static final List<ConfigOption> OPTIONS = List.of(LOG_FORMAT, LOG_LEVEL, OTLP_ENDPOINT, OTLP_INTERVAL,
            SERVICE_NAME);

    /** Reads the settings. */
    public static ObservabilitySettings from(CairnConfig config) {
        return new ObservabilitySettings(config.string(LOG_FORMAT), config.string(LOG_LEVEL),
                config.optionalString(OTLP_ENDPOINT), config.duration(OTLP_INTERVAL), config.string(SERVICE_NAME));
    }
}
