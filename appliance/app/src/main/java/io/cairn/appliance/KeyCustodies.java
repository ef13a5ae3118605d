package io.cairn.appliance;

import io.cairn.custody.pkcs11.Pkcs11KeyCustody;
import io.cairn.custody.pkcs11.Pkcs11Settings;
import io.cairn.custody.software.JdbcSealedKeyRepository;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.vault.VaultKeyCustody;
import io.cairn.custody.vault.VaultSettings;
import io.cairn.http.HealthCheck;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The key custody backends of this appliance, by name: {@code software} (development; keys sealed in the
 * database) always, {@code pkcs11} when {@code signing.pkcs11.library} is configured and {@code vault} when
 * {@code signing.vault.address} is. An HSM that cannot
 * be reached at start-up does not stop the appliance: the backend answers 503 and readiness reports it until
 * the HSM is back. Nothing ever falls back from one backend to another.
 */
final class KeyCustodies implements AutoCloseable {
    private final Map<String, KeyCustody> backends;

    private KeyCustodies(Map<String, KeyCustody> backends) {
        this.backends = backends;
    }

    static KeyCustodies open(CairnConfig config, DataSource dataSource, Path dataDirectory) {
        Map<String, KeyCustody> backends = new LinkedHashMap<>();
        backends.put(SoftwareKeyCustody.BACKEND, SoftwareKeyCustody.from(config, new JdbcSealedKeyRepository(dataSource),
                dataDirectory.resolve("secrets").resolve("software-master.key")));
        if (config.path(Pkcs11Settings.LIBRARY).isPresent()) {
            backends.put(Pkcs11KeyCustody.BACKEND,
                    new ReconnectingCustody(Pkcs11KeyCustody.BACKEND, () -> Pkcs11KeyCustody.open(config)));
        }
        if (config.optionalString(VaultSettings.ADDRESS).isPresent()) {
            backends.put(VaultKeyCustody.BACKEND,
                    new ReconnectingCustody(VaultKeyCustody.BACKEND, () -> VaultKeyCustody.open(config)));
        }
        return new KeyCustodies(backends);
    }

    /** The backend with this name. */
    KeyCustody backend(String name) {
        return Optional.ofNullable(backends.get(name)).orElseThrow(() -> new CairnException(ErrorCode.CONF_INCONSISTENT,
                "key custody backend '" + name + "' is not configured; configured: " + backends.keySet()));
    }

    /** Every backend by name. */
    Map<String, KeyCustody> all() {
        return Map.copyOf(backends);
    }

    /** One readiness check per backend. */
    List<HealthCheck> healthChecks() {
        List<HealthCheck> checks = new ArrayList<>();
        backends.forEach((name, custody) -> checks.add(new HealthCheck() {
            @Override
            public String name() {
                return "key-custody-" + name;
            }

            @Override
            public HealthStatus check() {
                var health = custody.health();
                return new HealthStatus(health.up(), health.detail());
            }
        }));
        return checks;
    }

    @Override
    public void close() {
        backends.values().forEach(KeyCustody::close);
    }
}
