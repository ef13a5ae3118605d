package io.cairn.custody.vault;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.CustodyHealth;
import io.cairn.custody.spi.EncodedPublicKey;
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
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key custody in HashiCorp Vault's Transit secrets engine (backend {@code vault}).
 *
 * <p>Keys are Transit keys of type {@code ecdsa-p256} or {@code ed25519}, created with
 * {@code exportable=false} and {@code allow_plaintext_backup=false}, named
 * {@code <key-prefix><label>.<24 hex>}. A handle names one version ({@code <label>.<24 hex>:v<n>}), so
 * its public key never changes; {@link #rotate(KeyHandle)} adds a Transit version and returns its handle
 * while older handles keep signing and verifying. Transit has no secp256k1 keys: such requests are
 * {@link ErrorCode#SIGN_CURVE_NOT_SUPPORTED}. A key whose Transit flags say it could leave Vault (made
 * exportable or backup-able outside Cairn) is refused for signing. Vault unreachable, sealed, on standby or
 * refusing the token is {@link ErrorCode#SIGN_CUSTODY_UNAVAILABLE}; nothing is signed elsewhere.
 */
public final class VaultKeyCustody implements KeyCustody {
    /** The backend name in handles. */
    public static final String BACKEND = "vault";
    private static final Set<Curve> CURVES = Collections.unmodifiableSet(EnumSet.of(Curve.P256, Curve.ED25519));

    private final VaultOptions options;
    private final TransitClient transit;
    private final Map<String, TransitKey> keys = new ConcurrentHashMap<>();
    private final Set<String> destroyed = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private VaultKeyCustody(VaultOptions options, TransitClient transit) {
        this.options = options;
        this.transit = transit;
    }

    /** A custody over the Vault in {@code options}. Vault is not contacted until the first call or {@link #health()}. */
    public static VaultKeyCustody open(VaultOptions options) {
        return new VaultKeyCustody(Objects.requireNonNull(options, "options"), TransitClient.connect(options));
    }

    /** A custody over the Vault configured under {@code signing.vault.*}. */
    public static VaultKeyCustody open(CairnConfig config) {
        return open(VaultOptions.from(config));
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public Protection protection() {
        return Protection.SERVICE;
    }

    @Override
    public Set<Curve> supportedCurves() {
        return CURVES;
    }

    @Override
    public KeyMaterialInfo generate(KeySpec spec) {
        requireOpen();
        TransitKeyType type = TransitKeyType.forCurve(spec.curve()).orElseThrow(() -> new CairnException(
                ErrorCode.SIGN_CURVE_NOT_SUPPORTED, "Vault Transit offers no " + spec.curve().label()
                        + " keys (only ecdsa-p256 and ed25519); use the pkcs11 or software backend for it"));
        TransitKeyRef ref = TransitKeyRef.create(spec.label());
        transit.createKey(options.transitName(ref.name()), type);
        KeyHandle handle = new KeyHandle(BACKEND, ref.id());
        TransitKey key = load(handle, ref);
        if (key.type() != type || !key.nonExtractable()) {
            throw new CairnException(ErrorCode.SIGN_SIGNATURE_FAILED, "Transit key " + key.transitName()
                    + " does not have the type and flags it was created with; it is not used");
        }
        return info(ref, key);
    }

    @Override
    public KeyMaterialInfo describe(KeyHandle handle) {
        TransitKeyRef ref = liveRef(handle);
        return info(ref, load(handle, ref));
    }

    @Override
    public SignatureValue sign(KeyHandle handle, SigningInput input) {
        TransitKeyRef ref = liveRef(handle);
        TransitKey key = Optional.ofNullable(keys.get(ref.name())).orElseGet(() -> load(handle, ref));
        if (key.curve().isEcdsa() != (input instanceof SigningInput.Digest)) {
            throw new CairnException(ErrorCode.SIGN_INVALID_INPUT, key.curve().isEcdsa()
                    ? "an ECDSA key signs a 32-byte digest" : "an Ed25519 key signs the message itself");
        }
        if (key.publicKey(ref.version()).isEmpty()) {
            key = load(handle, ref);
        }
        requireUsable(handle, ref, key);
        String transitName = options.transitName(ref.name());
        String text = transit.sign(transitName, ref.version(), key.type(), input.bytes())
                .orElseThrow(() -> refused(handle, ref));
        return TransitSignature.decode(key.curve(), ref.version(), text).orElseThrow(() -> new CairnException(
                ErrorCode.SIGN_SIGNATURE_FAILED, "Transit returned an unreadable signature for " + handle));
    }

    /**
     * Rotates the Transit key behind {@code handle}: Transit adds a version that is the key's latest from now
     * on. Returns the new version's handle, public key and attestation; every older handle still signs and
     * verifies with its own version.
     */
    public KeyMaterialInfo rotate(KeyHandle handle) {
        TransitKeyRef ref = liveRef(handle);
        load(handle, ref);
        transit.rotateKey(options.transitName(ref.name()));
        TransitKey key = load(handle, ref);
        return info(ref.atVersion(key.latestVersion()), key);
    }

    /** Deletes the Transit key with all its versions (it is first made deletable, as Transit requires). */
    @Override
    public void destroy(KeyHandle handle) {
        TransitKeyRef ref = knownRef(handle);
        if (destroyed.contains(ref.name())) {
            return;
        }
        load(handle, ref);
        transit.deleteKey(options.transitName(ref.name()));
        destroyed.add(ref.name());
        keys.remove(ref.name());
    }

    @Override
    public CustodyHealth health() {
        if (closed) {
            return CustodyHealth.down(BACKEND, "closed");
        }
        try {
            return CustodyHealth.up(BACKEND, transit.health());
        } catch (CairnException e) {
            return CustodyHealth.down(BACKEND, e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        transit.close();
    }

    private KeyMaterialInfo info(TransitKeyRef ref, TransitKey key) {
        KeyHandle handle = new KeyHandle(BACKEND, ref.id());
        EncodedPublicKey publicKey = key.publicKey(ref.version()).orElseThrow(() -> new CairnException(
                ErrorCode.SIGN_KEY_NOT_FOUND, "Vault keeps no version " + ref.version() + " of key " + handle));
        return new KeyMaterialInfo(handle, new KeySpec(ref.label(), key.curve()), publicKey,
                key.attestation(options.mount(), ref.version()));
    }

    private TransitKey load(KeyHandle handle, TransitKeyRef ref) {
        String transitName = options.transitName(ref.name());
        TransitKey key = transit.readKey(transitName).flatMap(data -> TransitKey.parse(transitName, data))
                .orElseThrow(() -> notFound(handle));
        keys.put(ref.name(), key);
        return key;
    }

    private void requireUsable(KeyHandle handle, TransitKeyRef ref, TransitKey key) {
        if (key.publicKey(ref.version()).isEmpty()) {
            throw new CairnException(ErrorCode.SIGN_KEY_NOT_FOUND,
                    "Vault keeps no version " + ref.version() + " of key " + handle);
        }
        if (!key.nonExtractable()) {
            throw new CairnException(ErrorCode.SIGN_SIGNATURE_FAILED, "Transit key " + key.transitName()
                    + " was made exportable or plaintext-backup-able outside Cairn; it no longer signs");
        }
    }

    private CairnException refused(KeyHandle handle, TransitKeyRef ref) {
        keys.remove(ref.name());
        load(handle, ref);
        return new CairnException(ErrorCode.SIGN_SIGNATURE_FAILED, "Transit refused to sign with " + handle);
    }

    private TransitKeyRef knownRef(KeyHandle handle) {
        requireOpen();
        if (!BACKEND.equals(handle.backend())) {
            throw notFound(handle);
        }
        return TransitKeyRef.parse(handle.id()).orElseThrow(() -> notFound(handle));
    }

    private TransitKeyRef liveRef(KeyHandle handle) {
        TransitKeyRef ref = knownRef(handle);
        if (destroyed.contains(ref.name())) {
            throw new CairnException(ErrorCode.SIGN_KEY_DESTROYED, "key " + handle + " was destroyed");
        }
        return ref;
    }

    private void requireOpen() {
        if (closed) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "the vault key custody is closed");
        }
    }

    private static CairnException notFound(KeyHandle handle) {
        return new CairnException(ErrorCode.SIGN_KEY_NOT_FOUND, "no Transit key for " + handle);
    }
}
