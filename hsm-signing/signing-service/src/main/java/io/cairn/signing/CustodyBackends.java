package io.cairn.signing;

import io.cairn.custody.spi.CustodyHealth;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.http.HealthCheck;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configured key custody backends by name ({@code software}, {@code pkcs11}, ...). A key always goes to
 * the backend it names; when that backend is absent or down the answer is {@code CAIRN-SIGN-0001}, never
 * another backend.
 */
public final class CustodyBackends {
    private final Map<String, KeyCustody> byName;

    /** Wraps the backends the appliance configured. */
    public CustodyBackends(Map<String, KeyCustody> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** The backend with this name, or {@code CAIRN-SIGN-0001} when it is not configured. */
    public KeyCustody require(String name) {
        KeyCustody custody = byName.get(name);
        if (custody == null) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    "key custody backend '" + name + "' is not configured on this appliance; nothing was signed");
        }
        return custody;
    }

    /** One readiness check per backend, named {@code signing-custody-<backend>}. */
    public List<HealthCheck> healthChecks() {
        return new TreeMap<>(byName).entrySet().stream()
                .map(e -> (HealthCheck) new BackendHealth(e.getKey(), e.getValue())).toList();
    }

    /** Readiness of one backend. */
    private record BackendHealth(String backend, KeyCustody custody) implements HealthCheck {
        @Override
        public String name() {
            return "signing-custody-" + backend;
        }

        @Override
        public HealthStatus check() {
            try {
                CustodyHealth health = custody.health();
                return new HealthStatus(health.up(), health.detail());
            } catch (RuntimeException e) {
                return HealthStatus.down("health check failed: " + e.getClass().getSimpleName());
            }
        }
    }
}
