package io.cairn.appliance;

import io.cairn.http.Observability;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.Map;
import java.util.Optional;

/**
 * Metrics and traces. Metrics are always kept for Prometheus at {@code /metrics} (JVM, process and API
 * meters) and, when an OTLP endpoint is configured, also pushed there. Traces are always created so that
 * log lines carry trace ids and W3C trace context propagates; they are exported only when an OTLP
 * endpoint is configured.
 */
public final class Telemetry implements AutoCloseable {
    private final PrometheusMeterRegistry prometheus;
    private final CompositeMeterRegistry meters;
    private final Optional<OtlpMeterRegistry> otlpMeters;
    private final OpenTelemetrySdk openTelemetry;

    private Telemetry(PrometheusMeterRegistry prometheus, CompositeMeterRegistry meters,
                      Optional<OtlpMeterRegistry> otlpMeters, OpenTelemetrySdk openTelemetry) {
        this.prometheus = prometheus;
        this.meters = meters;
        this.otlpMeters = otlpMeters;
        this.openTelemetry = openTelemetry;
    }

    /** Sets up meters and tracing. */
    public static Telemetry start(ObservabilitySettings settings) {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CompositeMeterRegistry meters = new CompositeMeterRegistry();
        meters.add(prometheus);
        Optional<OtlpMeterRegistry> otlp = settings.otlpEndpoint().map(endpoint -> {
            Map<String, String> values = Map.of("otlp.url", endpoint + "/v1/metrics",
                    "otlp.step", settings.otlpInterval().toString(),
                    "otlp.resourceAttributes", "service.name=" + settings.serviceName());
            OtlpMeterRegistry registry = new OtlpMeterRegistry(values::get, Clock.SYSTEM);
            meters.add(registry);
            return registry;
        });
        bindJvmMeters(meters);
        return new Telemetry(prometheus, meters, otlp, tracing(settings));
    }

    private static void bindJvmMeters(MeterRegistry meters) {
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ClassLoaderMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        new FileDescriptorMetrics().bindTo(meters);
    }

    private static OpenTelemetrySdk tracing(ObservabilitySettings settings) {
        Resource resource = Resource.getDefault().merge(Resource.create(
                Attributes.of(AttributeKey.stringKey("service.name"), settings.serviceName())));
        SdkTracerProviderBuilder tracer = SdkTracerProvider.builder().setResource(resource);
        settings.otlpEndpoint().ifPresent(endpoint -> tracer.addSpanProcessor(BatchSpanProcessor.builder(
                OtlpHttpSpanExporter.builder().setEndpoint(endpoint + "/v1/traces").build()).build()));
        return OpenTelemetrySdk.builder()
                .setTracerProvider(tracer.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    /** The registry scraped at {@code /metrics}. */
    public PrometheusMeterRegistry prometheus() {
        return prometheus;
    }

    /** Where components register meters. */
    public MeterRegistry meters() {
        return meters;
    }

    /** What the HTTP layer reports to. */
    public Observability observability() {
        return new Observability(meters, openTelemetry);
    }

    @Override
    public void close() {
        otlpMeters.ifPresent(OtlpMeterRegistry::close);
        openTelemetry.close();
        meters.close();
    }
}
