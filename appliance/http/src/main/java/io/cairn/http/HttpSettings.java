package io.cairn.http;

import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the HTTP listener.
 *
 * @param host               interface to bind
 * @param port               port to bind; 0 picks a free one
 * @param plaintext          serve plain HTTP instead of HTTPS (must be asked for explicitly)
 * @param keystore           PKCS#12 keystore with the server key and certificate chain
 * @param keystorePassword   password of the keystore
 * @param clientAuth         TLS client certificates: {@code none}, {@code optional} or {@code required}
 * @param truststore         PKCS#12 truststore with the CAs that issue client certificates
 * @param truststorePassword password of the truststore
 * @param maxBodySize        largest accepted request body in bytes
 * @param retryAfter         value of Retry-After on 503 answers
 */
public record HttpSettings(
        String host,
        int port,
        boolean plaintext,
        Optional<Path> keystore,
        Optional<String> keystorePassword,
        String clientAuth,
        Optional<Path> truststore,
        Optional<String> truststorePassword,
        long maxBodySize,
        Duration retryAfter) {

    /** Bind interface. */
    public static final ConfigOption HOST = ConfigOption.string("server.host", "127.0.0.1",
            "Interface the API and console listen on. The default accepts local connections only; use `0.0.0.0` "
                    + "or a specific address to serve the bank's network.");
    /** Bind port. */
    public static final ConfigOption PORT = ConfigOption.integer("server.port", 8443, 0, 65535,
            "Port of the API and console. 0 picks a free port (the chosen port is logged at startup).");
    /** Plain HTTP. */
    public static final ConfigOption PLAINTEXT = ConfigOption.bool("server.plaintext-http", false,
            "Serve plain HTTP instead of HTTPS. Off by default; only for a loopback-bound development instance or "
                    + "behind a TLS-terminating proxy on the same host.");
    /** Server keystore. */
    public static final ConfigOption KEYSTORE = ConfigOption.path("server.tls.keystore-path", null,
            "PKCS#12 keystore holding the server's private key and certificate chain. When unset, a self-signed "
                    + "certificate is generated into `<data-directory>/tls/` on first start and its fingerprint logged.");
    /** Server keystore password. */
    public static final ConfigOption KEYSTORE_PASSWORD = ConfigOption.secret("server.tls.keystore-password",
            "Password of `server.tls.keystore-path`. Prefer `CAIRN_SERVER_TLS_KEYSTORE_PASSWORD`.");
    /** mTLS mode. */
    public static final ConfigOption CLIENT_AUTH = ConfigOption.choice("server.tls.client-auth", "optional",
            List.of("none", "optional", "required"),
            "TLS client certificates. With `optional` a caller may authenticate with a certificate bound to a user "
                    + "instead of a token; `required` rejects connections without one.");
    /** Client CA truststore. */
    public static final ConfigOption TRUSTSTORE = ConfigOption.path("server.tls.truststore-path", null,
            "PKCS#12 truststore with the CA certificates that issue client certificates. Client certificates are "
                    + "only requested when this is set.");
    /** Client CA truststore password. */
    public static final ConfigOption TRUSTSTORE_PASSWORD = ConfigOption.secret("server.tls.truststore-password",
            "Password of `server.tls.truststore-path`.");
    /** Body limit. */
    public static final ConfigOption MAX_BODY_SIZE = ConfigOption.size("server.max-body-size", "1MiB", 1024,
            1024L * 1024 * 1024, "Largest request body accepted; larger requests are answered 413 before they are read.");
    /** Retry-After. */
    public static final ConfigOption RETRY_AFTER = ConfigOption.duration("server.retry-after", "5s",
            "Retry-After sent with 503 answers while a dependency (database, HSM) is unavailable.");

    /** Every HTTP option. */
    public static final List<ConfigOption> OPTIONS = List.of(HOST, PORT, PLAINTEXT, KEYSTORE, KEYSTORE_PASSWORD,
            CLIENT_AUTH, TRUSTSTORE, TRUSTSTORE_PASSWORD, MAX_BODY_SIZE, RETRY_AFTER);

    /** Reads the settings from validated configuration. */
    public static HttpSettings from(CairnConfig config) {
        return new HttpSettings(config.string(HOST), (int) config.integer(PORT), config.bool(PLAINTEXT),
                config.path(KEYSTORE), config.optionalString(KEYSTORE_PASSWORD), config.string(CLIENT_AUTH),
                config.path(TRUSTSTORE), config.optionalString(TRUSTSTORE_PASSWORD), config.size(MAX_BODY_SIZE),
                config.duration(RETRY_AFTER));
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", plaintext=" + plaintext + ", clientAuth=" + clientAuth
                + ", maxBodySize=" + maxBodySize + "]";
    }
}
