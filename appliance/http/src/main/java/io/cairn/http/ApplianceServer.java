package io.cairn.http;

import io.helidon.common.mapper.MapperManager;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The one HTTP(S) listener of the appliance: API, health, metrics and console. */
public final class ApplianceServer implements AutoCloseable {
    private static final AtomicBoolean MAPPERS_PINNED = new AtomicBoolean();
    private final WebServer server;
    private final HttpSettings settings;
    private final Optional<ServerTls> tls;

    private ApplianceServer(WebServer server, HttpSettings settings, Optional<ServerTls> tls) {
        this.server = server;
        this.settings = settings;
        this.tls = tls;
    }

    /**
     * Starts listening.
     *
     * @param settings listener settings
     * @param tls      TLS, or empty for plain HTTP
     * @param routing  adds every route
     */
    public static ApplianceServer start(HttpSettings settings, Optional<ServerTls> tls,
                                        Consumer<HttpRouting.Builder> routing) {
        pinGlobalMappers();
        WebServerConfig.Builder builder = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                .shutdownHook(false)
                .maxPayloadSize(settings.maxBodySize() + 64 * 1024)
                .routing(routing);
        tls.ifPresent(t -> builder.tls(t.tls()));
        WebServer server = builder.build().start();
        return new ApplianceServer(server, settings, tls);
    }

    /**
     * Gives Helidon one global mapper manager. Without it, every typed header read (the server reads
     * {@code Content-Length} on each request) looks the manager up in the service registry, which builds a
     * new one each time: measured at about a fifth of a small request's CPU time. The API is marked for
     * removal, but Helidon 4.4's own header code still reads it; drop this once that code no longer does.
     */
    @SuppressWarnings("removal")
    private static void pinGlobalMappers() {
        if (MAPPERS_PINNED.compareAndSet(false, true)) {
            MapperManager.global(MapperManager.create());
        }
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** Base URI callers use, e.g. {@code https://127.0.0.1:8443}. */
    public String baseUri() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return (tls.isPresent() ? "https" : "http") + "://" + host + ":" + port();
    }

    /** The TLS in use, if any. */
    public Optional<ServerTls> tls() {
        return tls;
    }

    @Override
    public void close() {
        server.stop();
    }
}
