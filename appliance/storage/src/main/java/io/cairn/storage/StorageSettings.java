package io.cairn.storage;

import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Storage configuration.
 *
 * @param mode              {@code embedded} or {@code external}
 * @param dataDirectory     the appliance data directory; the embedded server keeps its files in {@code postgresql/}
 * @param embeddedPort      port of the embedded server on 127.0.0.1; 0 picks a free one at each start
 * @param url               JDBC URL of the external server
 * @param username          user of the external server
 * @param password          password of the external server
 * @param tlsMode           libpq-style {@code sslmode} for the external server
 * @param tlsRootCertificate CA certificate that signs the external server's certificate
 * @param poolMaxSize       largest number of pooled connections
 * @param connectionTimeout how long a request waits for a connection before it is answered 503
 */
public record StorageSettings(
        String mode,
        Path dataDirectory,
        int embeddedPort,
        Optional<String> url,
        Optional<String> username,
        Optional<String> password,
        String tlsMode,
        Optional<Path> tlsRootCertificate,
        int poolMaxSize,
        Duration connectionTimeout) {

    /** The appliance data directory. */
    public static final ConfigOption DATA_DIRECTORY = ConfigOption.path("data-directory", "cairn-data",
            "Directory for everything the appliance keeps on local disk: the embedded database, generated keys "
                    + "and the instance lock. Relative paths are resolved against the working directory.");
    /** Storage mode. */
    public static final ConfigOption MODE = ConfigOption.choice("storage.mode", "embedded", List.of("embedded", "external"),
            "`embedded` runs a private PostgreSQL server from the data directory (development and single-host "
                    + "installs); `external` connects to the PostgreSQL named by `storage.url`.");
    /** Embedded server port. */
    public static final ConfigOption EMBEDDED_PORT = ConfigOption.integer("storage.embedded.port", 0, 0, 65535,
            "Port of the embedded PostgreSQL server, bound to 127.0.0.1 only. 0 picks a free port at each start.");
    /** External JDBC URL. */
    public static final ConfigOption URL = ConfigOption.optionalString("storage.url",
            "JDBC URL of the external PostgreSQL database, e.g. `jdbc:postgresql://db.internal:5432/cairn`. "
                    + "Required when `storage.mode` is `external`.");
    /** External user. */
    public static final ConfigOption USERNAME = ConfigOption.optionalString("storage.username",
            "Database user for the external PostgreSQL.");
    /** External password. */
    public static final ConfigOption PASSWORD = ConfigOption.secret("storage.password",
            "Password of `storage.username`. Prefer the environment variable `CAIRN_STORAGE_PASSWORD`.");
    /** TLS mode for the external server. */
    public static final ConfigOption TLS_MODE = ConfigOption.choice("storage.tls.mode", "verify-full",
            List.of("disable", "require", "verify-ca", "verify-full"),
            "TLS to the external PostgreSQL (`sslmode`). `verify-full` checks the certificate chain and host name.");
    /** TLS root certificate. */
    public static final ConfigOption TLS_ROOT_CERTIFICATE = ConfigOption.path("storage.tls.root-certificate", null,
            "PEM file with the CA certificate(s) that sign the external PostgreSQL server's certificate.");
    /** Pool size. */
    public static final ConfigOption POOL_MAX_SIZE = ConfigOption.integer("storage.pool.max-size", 10, 1, 500,
            "Largest number of pooled database connections.");
    /** Connection wait. */
    public static final ConfigOption CONNECTION_TIMEOUT = ConfigOption.duration("storage.pool.connection-timeout", "2s",
            "How long a request waits for a database connection before it is answered 503 with Retry-After.");

    /** Every storage option. */
    public static final List<ConfigOption> OPTIONS = List.of(DATA_DIRECTORY, MODE, EMBEDDED_PORT, URL, USERNAME,
            PASSWORD, TLS_MODE, TLS_ROOT_CERTIFICATE, POOL_MAX_SIZE, CONNECTION_TIMEOUT);

    /** Reads the settings from validated configuration. */
    public static StorageSettings from(CairnConfig config) {
        return new StorageSettings(
                config.string(MODE),
                config.path(DATA_DIRECTORY).orElseThrow().toAbsolutePath().normalize(),
                (int) config.integer(EMBEDDED_PORT),
                config.optionalString(URL),
                config.optionalString(USERNAME),
                config.optionalString(PASSWORD),
                config.string(TLS_MODE),
                config.path(TLS_ROOT_CERTIFICATE),
                (int) config.integer(POOL_MAX_SIZE),
                config.duration(CONNECTION_TIMEOUT));
    }

    /** Whether the appliance runs its own PostgreSQL server. */
    public boolean embedded() {
        return "embedded".equals(mode);
    }

    /** Directory of the embedded server's cluster. */
    public Path embeddedClusterDirectory() {
        return dataDirectory.resolve("postgresql");
    }

    @Override
    public String toString() {
        return "StorageSettings[mode=" + mode + ", dataDirectory=" + dataDirectory + ", url=" + url.orElse("-")
                + ", username=" + username.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-") + "]";
    }
}
