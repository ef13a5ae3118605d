package io.cairn.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.List;

/** Lets OpenTelemetry read trace context (W3C {@code traceparent}) from Helidon request headers. */
enum HeaderCarrier implements TextMapGetter<ServerRequest> {
    /** The only instance. */
    INSTANCE;

    @Override
    public Iterable<String> keys(ServerRequest carrier) {
        List<String> names = new ArrayList<>();
        for (Header header : carrier.headers()) {
            names.add(header.name());
        }
        return names;
    }

    @Override
    public String get(ServerRequest carrier, String key) {
        return carrier == null ? null : carrier.headers().first(HeaderNames.create(key)).orElse(null);
    }
}
