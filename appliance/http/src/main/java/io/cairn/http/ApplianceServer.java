package io.cairn.http;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import java.util.Optional;
import java.util.function.Consumer;

/** The one HTTP(S) listener of the appliance: API, health, metrics and console. */
public final class ApplianceServer implements AutoCloseable {
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
