package io.cairn.custody.vault;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.Logical;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.io.Serial;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Transit calls this backend makes, through the Vault driver's generic logical API (the driver has no
 * Transit-specific API): create, read, rotate, sign, allow deletion and delete a key, plus the health of
 * Vault and the token. Names passed in are full Transit key names (prefix included).
 */
final class TransitClient implements AutoCloseable {
    private final VaultOptions options;
    private final HttpClient http;
    private final Vault vault;
    private final VaultFailure failure;

    private TransitClient(VaultOptions options, HttpClient http, Vault vault) {
        this.options = options;
        this.http = http;
        this.vault = vault;
        this.failure = new VaultFailure(options.address().toString(), options.token());
    }

    /** A client for the Vault and mount in {@code options}; it does not contact Vault yet. */
    static TransitClient connect(VaultOptions options) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout());
        options.caFile().map(VaultTls::trusting).ifPresent(builder::sslContext);
        HttpClient http = builder.build();
        try {
            VaultConfig config = new VaultConfig().environmentLoader(new NoEnvironment())
                    .address(options.address().toString()).token(options.token().value()).engineVersion(1)
                    .openTimeout(Math.toIntExact(options.connectTimeout().toSeconds()))
                    .readTimeout(Math.toIntExact(options.readTimeout().toSeconds()))
                    .httpClient(http).build();
            return new TransitClient(options, http, Vault.create(config));
        } catch (VaultException e) {
            http.close();
            throw new CairnException(ErrorCode.CONF_INCONSISTENT, "the Vault client cannot be configured for "
                    + options.address() + ": " + options.token().redact(e.getMessage()));
        }
    }

    /** The key, or empty when Transit has no key of that name. */
    Optional<JsonObject> readKey(String name) {
        LogicalResponse response = call("reading key " + name, l -> l.read(keyPath(name)));
        if (response.getRestResponse().getStatus() == 404) {
            return Optional.empty();
        }
        requireSuccess("reading key " + name, response, ErrorCode.SIGN_SIGNATURE_FAILED);
        return Optional.ofNullable(response.getDataObject());
    }

    /** Creates a key that Transit will never export nor back up in plaintext. */
    void createKey(String name, TransitKeyType type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.vaultName());
        body.put("exportable", false);
        body.put("allow_plaintext_backup", false);
        write("creating key " + name, keyPath(name), body, ErrorCode.SIGN_INVALID_INPUT);
    }

    /** Adds a new version to the key. */
    void rotateKey(String name) {
        write("rotating key " + name, keyPath(name) + "/rotate", Map.of(), ErrorCode.SIGN_SIGNATURE_FAILED);
    }

    /**
     * Signs with one version of the key; returns Transit's {@code vault:v<n>:<base64>} text, or empty when
     * Transit refused with a client error (unknown key or version), so the caller can tell why.
     */
    Optional<String> sign(String name, int version, TransitKeyType type, byte[] input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input", Base64.getEncoder().encodeToString(input));
        body.put("key_version", version);
        if (type == TransitKeyType.ECDSA_P256) {
            body.put("prehashed", true);
            body.put("hash_algorithm", "sha2-256");
            body.put("marshaling_algorithm", "asn1");
        }
        String operation = "signing with key " + name + " version " + version;
        LogicalResponse response = call(operation, l -> l.write(options.mount() + "/sign/" + name, body));
        int status = response.getRestResponse().getStatus();
        if (status == 400 || status == 404) {
            return Optional.empty();
        }
        requireSuccess(operation, response, ErrorCode.SIGN_SIGNATURE_FAILED);
        return Optional.ofNullable(response.getData().get("signature"));
    }

    /** Allows deletion of the key, then deletes it with all its versions. */
    void deleteKey(String name) {
        write("allowing deletion of key " + name, keyPath(name) + "/config", Map.of("deletion_allowed", true),
                ErrorCode.SIGN_SIGNATURE_FAILED);
        call("deleting key " + name, l -> l.delete(keyPath(name)));
    }

    /** A description of Vault's state when it is initialised, unsealed, active and accepts the token; else throws. */
    String health() {
        LogicalResponse status = call("the health check", l -> l.read("sys/health"));
        requireSuccess("the health check", status, ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
        JsonObject state = Json.parse(new String(status.getRestResponse().getBody(), StandardCharsets.UTF_8)).asObject();
        LogicalResponse self = call("the token check", l -> l.read("auth/token/lookup-self"));
        requireSuccess("the token check", self, ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
        return "Vault " + state.getString("version", "?") + " at " + options.address() + ": unsealed, active, token "
                + "accepted, Transit mount '" + options.mount() + "'";
    }

    @Override
    public void close() {
        http.close();
    }

    private void write(String operation, String path, Map<String, Object> body, ErrorCode clientError) {
        requireSuccess(operation, call(operation, l -> l.write(path, body)), clientError);
    }

    private LogicalResponse call(String operation, Call call) {
        try {
            return call.on(vault.logical());
        } catch (VaultException e) {
            throw failure.of(operation, e);
        }
    }

    private void requireSuccess(String operation, LogicalResponse response, ErrorCode clientError) {
        int status = response.getRestResponse().getStatus();
        if (status != 200 && status != 204) {
            throw failure.of(operation, status, response.getRestResponse().getBody(), clientError);
        }
    }

    private String keyPath(String name) {
        return options.mount() + "/keys/" + name;
    }

    /** One driver call. */
    @FunctionalInterface
    private interface Call {
        LogicalResponse on(Logical logical) throws VaultException;
    }

    /** Keeps the driver from reading {@code VAULT_*} environment variables: only Cairn's configuration counts. */
    private static final class NoEnvironment extends EnvironmentLoader {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String loadVariable(String name) {
            return null;
        }
    }
}
