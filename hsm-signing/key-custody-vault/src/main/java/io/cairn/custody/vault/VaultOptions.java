package io.cairn.custody.vault;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach Vault's Transit engine.
 *
 * @param address           Vault's address ({@code https://host:port}; {@code http} only when allowed)
 * @param token             the Vault token
 * @param mount             the Transit mount path, e.g. {@code transit}
 * @param keyPrefix         the prefix of every Transit key name Cairn creates (may be empty)
 * @param caFile            PEM CA certificates to trust for Vault's TLS certificate; empty for the JDK default
 * @param allowInsecureHttp whether a plain {@code http} address is accepted
 * @param connectTimeout    how long to wait for a connection
 * @param readTimeout       how long to wait for one answer
 */
public record VaultOptions(URI address, VaultToken token, String mount, String keyPrefix, Optional<Path> caFile,
        boolean allowInsecureHttp, Duration connectTimeout, Duration readTimeout) {
    private static final Pattern MOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)*");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_.-]{0,31})?");

    /** Checks the parts; a plain {@code http} address without {@code allowInsecureHttp} is refused. */
    public VaultOptions {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(caFile, "caFile");
        mount = stripSlashes(Objects.requireNonNull(mount, "mount"));
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        requireWholeSeconds(connectTimeout, "connect-timeout");
        requireWholeSeconds(readTimeout, "read-timeout");
        requireAllowedScheme(address, allowInsecureHttp);
        if (!MOUNT.matcher(mount).matches()) {
            throw inconsistent(VaultSettings.MOUNT, "the Transit mount is a path of letters, digits, '_', '-', '.'");
        }
        if (!PREFIX.matcher(keyPrefix).matches()) {
            throw inconsistent(VaultSettings.KEY_PREFIX,
                    "the key prefix is up to 32 letters, digits, '_', '-', '.', starting with a letter or digit");
        }
        address = URI.create(address.toString().replaceAll("/+$", ""));
    }

    /** A builder with the defaults of {@link VaultSettings} for everything but the address and token. */
    public static Builder builder(URI address, VaultToken token) {
        return new Builder(address, token);
    }

    /**
     * The options from {@link VaultSettings}: the address is required, and the token comes from
     * {@code signing.vault.token-file} or else {@code signing.vault.token}.
     */
    public static VaultOptions from(CairnConfig config) {
        String address = config.optionalString(VaultSettings.ADDRESS)
                .orElseThrow(() -> inconsistent(VaultSettings.ADDRESS,
                        "signing.vault.address is required for the vault key custody"));
        return new VaultOptions(parseAddress(address), token(config), config.string(VaultSettings.MOUNT),
                config.string(VaultSettings.KEY_PREFIX), config.path(VaultSettings.CA_FILE),
                config.bool(VaultSettings.ALLOW_INSECURE_HTTP), config.duration(VaultSettings.CONNECT_TIMEOUT),
                config.duration(VaultSettings.READ_TIMEOUT));
    }

    /** The Transit key name of a key named {@code name} without the prefix. */
    String transitName(String name) {
        return keyPrefix + name;
    }

    private static VaultToken token(CairnConfig config) {
        Optional<Path> file = config.path(VaultSettings.TOKEN_FILE);
        if (file.isPresent()) {
            return VaultToken.fromFile(file.get());
        }
        return config.optionalString(VaultSettings.TOKEN).map(VaultToken::of).orElseThrow(() -> inconsistent(
                VaultSettings.TOKEN_FILE,
                "signing.vault.token-file (or signing.vault.token) is required for the vault key custody"));
    }

    private static URI parseAddress(String text) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw inconsistent(VaultSettings.ADDRESS, "signing.vault.address is not an absolute URL: " + text);
        }
    }

    private static void requireAllowedScheme(URI address, boolean allowInsecureHttp) {
        String scheme = Optional.ofNullable(address.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !allowInsecureHttp) {
            throw inconsistent(VaultSettings.ALLOW_INSECURE_HTTP, "the Vault address " + address
                    + " is plain http: use https, or set signing.vault.allow-insecure-http=true for a local development Vault");
        }
        if (!scheme.equals("http") && !scheme.equals("https") || address.getHost() == null) {
            throw inconsistent(VaultSettings.ADDRESS, "the Vault address must be an https:// URL with a host: " + address);
        }
    }

    private static void requireWholeSeconds(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.toSeconds() < 1 || timeout.toSeconds() > Integer.MAX_VALUE) {
            throw new CairnException(ErrorCode.CONF_INCONSISTENT, "signing.vault." + name + " must be at least 1s");
        }
    }

    private static String stripSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static CairnException inconsistent(ConfigOption option, String detail) {
        return CairnException.field(ErrorCode.CONF_INCONSISTENT, option.key(), detail);
    }

    /** Builds {@link VaultOptions}; unset values take the defaults of {@link VaultSettings}. */
    public static final class Builder {
        private final URI address;
        private final VaultToken token;
        private String mount = "transit";
        private String keyPrefix = "cairn-";
        private Optional<Path> caFile = Optional.empty();
        private boolean allowInsecureHttp;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);

        private Builder(URI address, VaultToken token) {
            this.address = address;
            this.token = token;
        }

        /** The Transit mount path. */
        public Builder mount(String value) {
            this.mount = value;
            return this;
        }

        /** The prefix of Transit key names (may be empty). */
        public Builder keyPrefix(String value) {
            this.keyPrefix = value;
            return this;
        }

        /** PEM CA certificates to trust for Vault's TLS certificate. */
        public Builder caFile(Path value) {
            this.caFile = Optional.of(value);
            return this;
        }

        /** Whether a plain {@code http} address is accepted. */
        public Builder allowInsecureHttp(boolean value) {
            this.allowInsecureHttp = value;
            return this;
        }

        /** How long to wait for a connection (whole seconds). */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** How long to wait for one answer (whole seconds). */
        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        /** The checked options. */
        public VaultOptions build() {
            return new VaultOptions(address, token, mount, keyPrefix, caFile, allowInsecureHttp, connectTimeout,
                    readTimeout);
        }
    }
}
