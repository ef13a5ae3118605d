package io.cairn.signing;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.storage.StoreFailures;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates, rotates, disables and destroys managed keys. Every event is a key ceremony recorded in the audit
 * journal in the same database transaction as the registry change: when the record cannot be written the
 * change is rolled back (and freshly generated key material is destroyed again).
 */
public final class KeyLifecycle {
    private static final System.Logger LOG = System.getLogger(KeyLifecycle.class.getName());
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,55}");
    private final Jdbi jdbi;
    private final KeyRegistry registry;
    private final CustodyBackends backends;
    private final SigningAudit audit;
    private final SigningServiceSettings settings;
    private final Clock clock;

    KeyLifecycle(Jdbi jdbi, KeyRegistry registry, CustodyBackends backends, SigningAudit audit,
                 SigningServiceSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.registry = registry;
        this.backends = backends;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Generates version 1 in the named backend and registers the key. */
    public ManagedKey create(NewKey request, String actor) {
        if (request.alias() == null || !ALIAS.matcher(request.alias()).matches()) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "alias",
                    "an alias is a letter or digit followed by up to 55 letters, digits, '.', '_' or '-'");
        }
        Curve curve = Curve.fromLabel(String.valueOf(request.curve())).orElseThrow(() -> CairnException.field(
                ErrorCode.API_INVALID_FIELD, "curve", "curve is secp256k1, p-256 or ed25519"));
        KeyPurpose purpose = KeyPurpose.parse("purpose", request.purpose());
        SigningPolicy policy = SigningPolicy.from(request.policy().orElse(PolicyDocument.defaults()), purpose,
                settings.defaultRatePerMinute());
        if (registry.find(request.alias()).isPresent()) {
            throw conflict(request.alias());
        }
        KeyCustody custody = backends.require(String.valueOf(request.backend()));
        if (!custody.supportedCurves().contains(curve)) {
            throw new CairnException(ErrorCode.SIGN_CURVE_NOT_SUPPORTED,
                    "backend '" + request.backend() + "' does not offer " + curve.label());
        }
        KeyMaterialInfo info = custody.generate(new KeySpec(label(request.alias(), 1), curve));
        Instant now = clock.instant();
        KeyVersion version = new KeyVersion(1, info.handle(), info.publicKey(), info.attestation(), now);
        ManagedKey key = new ManagedKey(request.alias(), custody.backend(), curve, purpose, policy, KeyState.ACTIVE, 1,
                actor, now, List.of(version));
        commitOrDiscard(custody, info.handle(), key.alias(), h -> {
            registry.insert(h, key);
            audit.record(KeyCeremony.event("created", actor, key, version, now, policyAttributes(policy)));
        });
        return key;
    }

    /** Generates a new version that signs from now on; older versions stay for verification. */
    public ManagedKey rotate(String alias, String actor) {
        ManagedKey key = registry.require(alias);
        key.requireActive();
        KeyCustody custody = backends.require(key.backend());
        int next = key.versions().stream().mapToInt(KeyVersion::version).max().orElse(0) + 1;
        KeyMaterialInfo info = custody.generate(new KeySpec(label(alias, next), key.curve()));
        Instant now = clock.instant();
        KeyVersion version = new KeyVersion(next, info.handle(), info.publicKey(), info.attestation(), now);
        commitOrDiscard(custody, info.handle(), alias, h -> {
            registry.addVersion(h, alias, version);
            audit.record(KeyCeremony.event("rotated", actor, key, version, now,
                    Map.of("previous-version", Integer.toString(key.currentVersion()))));
        });
        return registry.require(alias);
    }

    /** Stops the key from signing; idempotent for a disabled key. */
    public ManagedKey disable(String alias, String actor) {
        ManagedKey key = registry.require(alias);
        if (key.state() == KeyState.DESTROYED) {
            key.requireActive();
        }
        if (key.state() == KeyState.ACTIVE) {
            Instant now = clock.instant();
            inTransaction(h -> {
                registry.setState(h, alias, KeyState.DISABLED, now);
                audit.record(KeyCeremony.event("disabled", actor, key, key.current(), now, Map.of()));
            });
        }
        return registry.require(alias);
    }

    /** Destroys every version in custody, then records the ceremony; called once a destruction is approved. */
    void destroyApproved(SigningRequest request) {
        ManagedKey key = registry.require(request.alias());
        if (key.state() == KeyState.DESTROYED) {
            return;
        }
        KeyCustody custody = backends.require(key.backend());
        key.versions().forEach(v -> destroyVersion(custody, v.handle()));
        Instant now = clock.instant();
        inTransaction(h -> {
            registry.setState(h, key.alias(), KeyState.DESTROYED, now);
            audit.record(KeyCeremony.event("destroyed", request.requester(), key, key.current(), now, Map.of(
                    "request.id", request.id().toString(), "approvers", String.join(",", request.approvers()),
                    "versions-destroyed", Integer.toString(key.versions().size()))));
        });
    }

    private static void destroyVersion(KeyCustody custody, KeyHandle handle) {
        try {
            custody.destroy(handle);
        } catch (CairnException e) {
            if (e.error() != ErrorCode.SIGN_KEY_NOT_FOUND && e.error() != ErrorCode.SIGN_KEY_DESTROYED) {
                throw e;
            }
        }
    }

    private void commitOrDiscard(KeyCustody custody, KeyHandle fresh, String alias, java.util.function.Consumer<Handle> work) {
        try {
            inTransaction(work);
        } catch (RuntimeException e) {
            try {
                custody.destroy(fresh);
            } catch (RuntimeException again) {
                LOG.log(System.Logger.Level.WARNING, "could not discard unregistered key " + fresh, again);
            }
            throw StoreFailures.isUniqueViolation(e, "") ? conflict(alias) : e;
        }
    }

    private void inTransaction(java.util.function.Consumer<Handle> work) {
        try {
            jdbi.useTransaction(work::accept);
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
    }

    private static Map<String, String> policyAttributes(SigningPolicy policy) {
        return Map.of("policy.purposes", String.join(",", policy.document().purposes().orElseThrow()),
                "policy.required-approvals", Integer.toString(policy.dualControl().requiredApprovals()),
                "policy.approver-role", policy.dualControl().approverRole().label(),
                "policy.rate-per-minute", Integer.toString(policy.ratePerMinute()));
    }

    private static CairnException conflict(String alias) {
        return new CairnException(ErrorCode.API_CONFLICT, "a key with alias '" + alias + "' already exists");
    }

    private static String label(String alias, int version) {
        return alias + ".v" + version;
    }
}
