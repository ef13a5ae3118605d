package io.cairn.custody.vault;

import io.cairn.kernel.config.ConfigOption;
import java.util.List;

/** Configuration options of the Vault Transit key custody (backend {@code vault}). */
public final class VaultSettings {
    /** Where Vault listens. */
    public static final ConfigOption ADDRESS = ConfigOption.optionalString("signing.vault.address",
            "Vault address, e.g. `https://vault.bank.internal:8200`. Plain `http://` is refused unless "
                    + "signing.vault.allow-insecure-http is true.");
    /** The token file. */
    public static final ConfigOption TOKEN_FILE = ConfigOption.path("signing.vault.token-file", null,
            "File holding the Vault token (mode 0600 or stricter; a file readable by others is refused). "
                    + "Preferred over signing.vault.token.");
    /** The token itself, for deployments that inject it through the environment. */
    public static final ConfigOption TOKEN = ConfigOption.secret("signing.vault.token",
            "Vault token, used when signing.vault.token-file is unset; meant to be set through the environment "
                    + "variable CAIRN_SIGNING_VAULT_TOKEN. Never printed or logged.");
    /** The Transit mount path. */
    public static final ConfigOption MOUNT = ConfigOption.string("signing.vault.mount", "transit",
            "Path at which the Transit secrets engine is mounted.");
    /** The prefix of every key name Cairn creates. */
    public static final ConfigOption KEY_PREFIX = ConfigOption.string("signing.vault.key-prefix", "cairn-",
            "Prefix of the Transit key names Cairn creates (letters, digits, '_', '-', '.'; may be empty). "
                    + "A Vault policy can grant Cairn exactly `<mount>/keys/<prefix>*` and `<mount>/sign/<prefix>*`.");
    /** CA certificates to trust for Vault's TLS certificate. */
    public static final ConfigOption CA_FILE = ConfigOption.path("signing.vault.ca-file", null,
            "PEM file of the CA certificate(s) that issued Vault's TLS certificate. When unset, the JDK's "
                    + "default trust store is used.");
    /** Whether plain http is accepted. */
    public static final ConfigOption ALLOW_INSECURE_HTTP = ConfigOption.bool("signing.vault.allow-insecure-http",
            false, "Accept a plain `http://` Vault address (the token then crosses the network unencrypted). "
                    + "For a Vault on the loopback interface in development only.");
    /** Connect timeout. */
    public static final ConfigOption CONNECT_TIMEOUT = ConfigOption.duration("signing.vault.connect-timeout", "5s",
            "How long to wait for a connection to Vault (whole seconds, at least 1s).");
    /** Read timeout. */
    public static final ConfigOption READ_TIMEOUT = ConfigOption.duration("signing.vault.read-timeout", "30s",
            "How long to wait for Vault's answer to one request (whole seconds, at least 1s).");

    /** Every option of this module. */
    public static final List<ConfigOption> OPTIONS = List.of(ADDRESS, TOKEN_FILE, TOKEN, MOUNT, KEY_PREFIX, CA_FILE,
            ALLOW_INSECURE_HTTP, CONNECT_TIMEOUT, READ_TIMEOUT);

    private VaultSettings() {
    }
}
