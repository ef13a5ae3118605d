package io.cairn.appliance;

import io.cairn.http.HttpSettings;
import io.cairn.http.ServerTls;
import java.io.PrintStream;
import java.util.Optional;
import java.util.logging.Logger;

/** What an operator needs to know once the appliance is up: where it answers, and the first credential. */
final class StartupReport {
    private static final Logger LOG = Logger.getLogger(StartupReport.class.getName());

    private StartupReport() {
    }

    static void log(Appliance appliance, HttpSettings http, Optional<ServerTls> tls) {
        String base = appliance.baseUri();
        LOG.info(() -> "Cairn " + Version.current() + " is ready. API: " + base + "/api/v1 | OpenAPI: " + base
                + "/api/v1/openapi | health: " + base + "/health | metrics: " + base + "/metrics");
        LOG.info(() -> "database: " + appliance.databaseDescription());
        tls.ifPresentOrElse(t -> LOG.info(() -> (t.generated() ? "TLS with a self-signed development certificate, "
                        + "SHA-256 fingerprint " : "TLS certificate SHA-256 fingerprint ") + t.fingerprint()),
                () -> LOG.warning("serving plain HTTP (server.plaintext-http=true): use only on loopback or behind a "
                        + "TLS-terminating proxy"));
        if (http.plaintext() && !isLoopback(http.host())) {
            LOG.warning("plain HTTP is bound to " + http.host() + ", which is reachable from other hosts");
        }
        appliance.bootstrapAdministrator().filter(a -> a.generated()).ifPresent(a -> printToken(System.out, a.username(),
                a.token(), a.expiresAt().toString(), base));
        appliance.bootstrapAdministrator().filter(a -> !a.generated()).ifPresent(a -> LOG.info(
                () -> "created administrator '" + a.username() + "' with the configured bootstrap token"));
    }

    /** Printed once, on the console only (never through the log), because it is a credential. */
    private static void printToken(PrintStream out, String username, String token, String expires, String base) {
        out.println();
        out.println("  First start: created administrator '" + username + "'. Its token is shown only now:");
        out.println();
        out.println("      " + token);
        out.println();
        out.println("  It expires at " + expires + ". Use it to create named administrators and their tokens, e.g.");
        out.println("      curl -k -H 'Authorization: Bearer <token>' " + base + "/api/v1/me");
        out.println();
        out.flush();
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost");
    }
}
