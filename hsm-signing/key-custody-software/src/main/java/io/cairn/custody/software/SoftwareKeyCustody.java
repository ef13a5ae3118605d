package io.cairn.custody.software;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.CustodyHealth;
import io.cairn.custody.spi.KeyAttestation;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.Protection;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The development-only key custody (backend {@code software}).
 *
 * <p>Keys are generated with BouncyCastle, sealed with AES-256-GCM under the {@link MasterKey} and stored
 * in a {@link SealedKeyRepository}. ECDSA signatures are RFC 6979 deterministic and low-S. Unsealed keys
 * are cached in memory for speed; destroying a key erases its sealed copy and drops it from the cache.
 * Import of existing private keys works only when {@code signing.software.allow-import} is on.
 */
public final class SoftwareKeyCustody implements KeyCustody {
    /** The backend name in handles. */
    public static final String BACKEND = "software";
    private static final Set<Curve> CURVES = EnumSet.allOf(Curve.class);

    private final SealedKeyRepository repository;
    private final KeySealer sealer;
    private final boolean allowImport;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, SoftwareKey> unsealed = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * A custody over this repository.
     *
     * @param repository  where sealed keys are stored
     * @param masterKey   the sealing key
     * @param allowImport whether {@link #importKey} is allowed
     * @param clock       the clock for creation and destruction times
     */
    public SoftwareKeyCustody(SealedKeyRepository repository, MasterKey masterKey, boolean allowImport, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.sealer = new KeySealer(Objects.requireNonNull(masterKey, "masterKey"));
        this.allowImport = allowImport;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A custody configured from {@link SoftwareCustodySettings}.
     *
     * @param config            validated configuration
     * @param repository        where sealed keys are stored
     * @param defaultMasterKeyFile the master key file when none is configured
     */
    public static SoftwareKeyCustody from(CairnConfig config, SealedKeyRepository repository, Path defaultMasterKeyFile) {
        return new SoftwareKeyCustody(repository, MasterKey.from(config, defaultMasterKeyFile),
                config.bool(SoftwareCustodySettings.ALLOW_IMPORT), Clock.systemUTC());
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public Protection protection() {
        return Protection.SOFTWARE;
    }

    @Override
    public Set<Curve> supportedCurves() {
        return CURVES;
    }

    @Override
    public KeyMaterialInfo generate(KeySpec spec) {
        ensureOpen();
        return store(spec, SoftwareKey.generate(spec.curve(), random), false);
    }

    /**
     * Imports an existing private key (32 bytes: the big-endian scalar for ECDSA, the seed for Ed25519).
     *
     * @throws CairnException {@link ErrorCode#SIGN_IMPORT_NOT_ALLOWED} unless import is switched on
     */
    public KeyMaterialInfo importKey(KeySpec spec, byte[] privateKey) {
        ensureOpen();
        if (!allowImport) {
            throw new CairnException(ErrorCode.SIGN_IMPORT_NOT_ALLOWED,
                    "importing private keys is off; set signing.software.allow-import to true to allow it");
        }
        return store(spec, SoftwareKey.fromPrivate(spec.curve(), privateKey), true);
    }

    @Override
    public KeyMaterialInfo describe(KeyHandle handle) {
        SealedKey stored = live(handle);
        return info(stored);
    }

    @Override
    public SignatureValue sign(KeyHandle handle, SigningInput input) {
        SoftwareKey key = unsealed.get(handle.id());
        if (key == null || !BACKEND.equals(handle.backend())) {
            key = unseal(live(handle));
        }
        if (key.publicKey().curve().isEcdsa() != (input instanceof SigningInput.Digest)) {
            throw new CairnException(ErrorCode.SIGN_INVALID_INPUT, key.publicKey().curve().isEcdsa()
                    ? "an ECDSA key signs a 32-byte digest" : "an Ed25519 key signs the message itself");
        }
        ensureOpen();
        return key.sign(input.bytes());
    }

    @Override
    public void destroy(KeyHandle handle) {
        ensureOpen();
        SealedKey stored = find(handle);
        if (!stored.destroyed()) {
            repository.markDestroyed(stored.id(), clock.instant());
        }
        unsealed.remove(stored.id());
    }

    @Override
    public CustodyHealth health() {
        if (closed) {
            return CustodyHealth.down(BACKEND, "closed");
        }
        try {
            repository.find("health-probe");
            return CustodyHealth.up(BACKEND, "software key store reachable (development only)");
        } catch (CairnException e) {
            return CustodyHealth.down(BACKEND, e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        unsealed.clear();
    }

    private KeyMaterialInfo store(KeySpec spec, SoftwareKey key, boolean imported) {
        String id = "sw-" + UUID.randomUUID();
        byte[] encoded = key.privateEncoding();
        try {
            byte[] sealed = sealer.seal(id, spec.curve().label(), encoded);
            SealedKey stored = new SealedKey(id, spec.label(), key.publicKey(), Optional.of(sealed), imported,
                    clock.instant(), Optional.empty());
            repository.insert(stored);
            unsealed.put(id, key);
            return info(stored);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private SoftwareKey unseal(SealedKey stored) {
        return unsealed.computeIfAbsent(stored.id(), id -> {
            byte[] plain = sealer.open(id, stored.curve().label(), stored.sealed().orElseThrow());
            try {
                SoftwareKey key = SoftwareKey.fromPrivate(stored.curve(), plain);
                if (!key.publicKey().equals(stored.publicKey())) {
                    throw new CairnException(ErrorCode.SIGN_SEALED_KEY_UNREADABLE,
                            "software key " + id + " does not match its stored public key");
                }
                return key;
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        });
    }

    private KeyMaterialInfo info(SealedKey stored) {
        KeyAttestation attestation = new KeyAttestation(Protection.SOFTWARE, false, false, false,
                !stored.imported(), Map.of("store", repository.getClass().getSimpleName(),
                        "sealing", "AES-256-GCM", "imported", Boolean.toString(stored.imported())),
                clock.instant());
        return new KeyMaterialInfo(new KeyHandle(BACKEND, stored.id()), new KeySpec(stored.label(), stored.curve()),
                stored.publicKey(), attestation);
    }

    private SealedKey live(KeyHandle handle) {
        ensureOpen();
        SealedKey stored = find(handle);
        if (stored.destroyed()) {
            throw new CairnException(ErrorCode.SIGN_KEY_DESTROYED, "key " + handle + " was destroyed");
        }
        return stored;
    }

    private SealedKey find(KeyHandle handle) {
        Optional<SealedKey> stored = BACKEND.equals(handle.backend()) ? repository.find(handle.id()) : Optional.empty();
        return stored.orElseThrow(() -> new CairnException(ErrorCode.SIGN_KEY_NOT_FOUND, "no key " + handle));
    }

    private void ensureOpen() {
        if (closed) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "the software key custody is closed");
        }
    }
}
