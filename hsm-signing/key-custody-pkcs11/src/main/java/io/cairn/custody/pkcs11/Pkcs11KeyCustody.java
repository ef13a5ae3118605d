package io.cairn.custody.pkcs11;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.CustodyHealth;
import io.cairn.custody.spi.EncodedPublicKey;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Key custody in a PKCS#11 HSM (backend {@code pkcs11}).
 *
 * <p>Key ids are {@code ec-<uuid>} for ECDSA keys (SunPKCS11 key store alias and {@code CKA_ID}) and
 * {@code ed-<uuid>} for Ed25519 keys ({@code CKA_ID} and {@code CKA_LABEL}). Attestations read
 * {@code CKA_TOKEN}, {@code CKA_SENSITIVE}, {@code CKA_EXTRACTABLE} and friends back from the token. A
 * call that fails because its session or login was lost is retried once on a fresh connection (new
 * sessions, new login); if the token cannot be reached the call fails with
 * {@link ErrorCode#SIGN_CUSTODY_UNAVAILABLE}.
 */
public final class Pkcs11KeyCustody implements KeyCustody {
    /** The backend name in handles. */
    public static final String BACKEND = "pkcs11";
    private static final String EC_PREFIX = "ec-";
    private static final String ED_PREFIX = "ed-";

    private final Pkcs11Options options;
    private final Set<Curve> curves;
    private final Set<String> destroyed = ConcurrentHashMap.newKeySet();
    private final Object reconnectLock = new Object();
    private volatile TokenConnection connection;
    private volatile boolean closed;

    private Pkcs11KeyCustody(Pkcs11Options options, TokenConnection connection) {
        this.options = options;
        this.connection = connection;
        this.curves = Collections.unmodifiableSet(connection.nativeToken().curves(options.ed25519()));
    }

    /** Connects to the token named in the options and logs in; fails closed. */
    public static Pkcs11KeyCustody open(Pkcs11Options options) {
        return new Pkcs11KeyCustody(Objects.requireNonNull(options, "options"), TokenConnection.open(options));
    }

    /** Connects to the token configured under {@code signing.pkcs11.*}. */
    public static Pkcs11KeyCustody open(CairnConfig config) {
        return open(Pkcs11Options.from(config));
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public Protection protection() {
        return Protection.HARDWARE;
    }

    @Override
    public Set<Curve> supportedCurves() {
        return curves;
    }

    @Override
    public KeyMaterialInfo generate(KeySpec spec) {
        if (!curves.contains(spec.curve())) {
            throw new CairnException(ErrorCode.SIGN_CURVE_NOT_SUPPORTED, BACKEND + " on token '" + options.tokenLabel()
                    + "' does not offer " + spec.curve().label() + (spec.curve() == Curve.ED25519
                    ? " (the token lacks CKM_EDDSA or signing.pkcs11.ed25519 is off)" : ""));
        }
        String id = (spec.curve().isEcdsa() ? EC_PREFIX : ED_PREFIX) + UUID.randomUUID();
        EncodedPublicKey publicKey = withToken("key generation", ErrorCode.SIGN_CUSTODY_UNAVAILABLE, c ->
                spec.curve().isEcdsa() ? c.sunToken().generate(id, spec.label(), spec.curve())
                        : c.nativeToken().generateEd25519(id, subject(spec.label())));
        return new KeyMaterialInfo(new KeyHandle(BACKEND, id), spec, publicKey, attest(id));
    }

    @Override
    public KeyMaterialInfo describe(KeyHandle handle) {
        String id = liveId(handle);
        KeySpec spec;
        EncodedPublicKey publicKey;
        if (id.startsWith(EC_PREFIX)) {
            X509Certificate certificate = withToken("key lookup", ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    c -> c.sunToken().certificate(id)).orElseThrow(() -> notFound(handle));
            publicKey = SunToken.publicKey(certificate);
            spec = new KeySpec(SunToken.label(certificate), publicKey.curve());
        } else {
            publicKey = withToken("key lookup", ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    c -> c.nativeToken().ed25519PublicKey(id)).orElseThrow(() -> notFound(handle));
            spec = new KeySpec(withToken("key lookup", ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    c -> c.nativeToken().subject(id)).map(Pkcs11KeyCustody::label).orElse(id), Curve.ED25519);
        }
        return new KeyMaterialInfo(new KeyHandle(BACKEND, id), spec, publicKey, attest(id));
    }

    @Override
    public SignatureValue sign(KeyHandle handle, SigningInput input) {
        String id = liveId(handle);
        boolean ecdsa = id.startsWith(EC_PREFIX);
        if (ecdsa != (input instanceof SigningInput.Digest)) {
            throw new CairnException(ErrorCode.SIGN_INVALID_INPUT,
                    ecdsa ? "an ECDSA key signs a 32-byte digest" : "an Ed25519 key signs the message itself");
        }
        byte[] bytes = input.bytes();
        Optional<? extends SignatureValue> signature = withToken("signing", ErrorCode.SIGN_SIGNATURE_FAILED,
                c -> ecdsa ? c.sunToken().sign(id, bytes) : c.nativeToken().signEd25519(id, bytes));
        return signature.orElseThrow(() -> notFound(handle));
    }

    @Override
    public void destroy(KeyHandle handle) {
        String id = knownId(handle);
        if (destroyed.contains(id)) {
            return;
        }
        boolean found = withToken("key destruction", ErrorCode.SIGN_CUSTODY_UNAVAILABLE, c -> {
            boolean fromKeyStore = id.startsWith(EC_PREFIX) && c.sunToken().delete(id);
            return c.nativeToken().destroy(id) || fromKeyStore;
        });
        if (!found) {
            throw notFound(handle);
        }
        destroyed.add(id);
    }

    @Override
    public CustodyHealth health() {
        if (closed) {
            return CustodyHealth.down(BACKEND, "closed");
        }
        try {
            TokenConnection c = current();
            if (!c.answers()) {
                c = reconnect(c);
            }
            return CustodyHealth.up(BACKEND, "token '" + options.tokenLabel() + "' in slot "
                    + c.nativeToken().slotId() + ", logged in");
        } catch (CairnException e) {
            return CustodyHealth.down(BACKEND, e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        TokenConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    private KeyAttestation attest(String id) {
        Map<String, String> evidence = new LinkedHashMap<>();
        Map<String, Boolean> attributes = withToken("attribute read", ErrorCode.SIGN_CUSTODY_UNAVAILABLE, c -> {
            evidence.putAll(c.nativeToken().tokenEvidence());
            return c.nativeToken().privateKeyAttributes(id);
        }).orElseThrow(() -> new CairnException(ErrorCode.SIGN_KEY_NOT_FOUND, "no private key " + id + " on the token"));
        attributes.forEach((name, value) -> evidence.put(name, value.toString()));
        return new KeyAttestation(Protection.HARDWARE, attributes.get("CKA_TOKEN"), attributes.get("CKA_SENSITIVE"),
                !attributes.get("CKA_EXTRACTABLE"), attributes.get("CKA_LOCAL"), evidence, Instant.now());
    }

    private String knownId(KeyHandle handle) {
        if (closed) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "the pkcs11 key custody is closed");
        }
        String id = handle.id();
        if (!BACKEND.equals(handle.backend()) || !(id.startsWith(EC_PREFIX) || id.startsWith(ED_PREFIX))) {
            throw notFound(handle);
        }
        return id;
    }

    private String liveId(KeyHandle handle) {
        String id = knownId(handle);
        if (destroyed.contains(id)) {
            throw new CairnException(ErrorCode.SIGN_KEY_DESTROYED, "key " + handle + " was destroyed");
        }
        return id;
    }

    private static CairnException notFound(KeyHandle handle) {
        return new CairnException(ErrorCode.SIGN_KEY_NOT_FOUND, "no key " + handle);
    }

    private static byte[] subject(String label) {
        try {
            return SelfSignedCertificate.subject(label).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String label(byte[] subject) {
        return SelfSignedCertificate.label(X500Name.getInstance(subject));
    }

    /** One operation on the token, retried once on a fresh connection when its session or login was lost. */
    @FunctionalInterface
    private interface TokenCall<T> {
        T apply(TokenConnection connection) throws Exception;
    }

    private <T> T withToken(String action, ErrorCode secondFailure, TokenCall<T> call) {
        TokenConnection c = current();
        try {
            return call.apply(c);
        } catch (CairnException e) {
            throw e;
        } catch (Exception first) {
            if (!SessionLoss.curable(first)) {
                throw new CairnException(secondFailure, action + " failed on PKCS#11 token '" + options.tokenLabel()
                        + "'", first);
            }
            TokenConnection fresh = reconnect(c);
            try {
                return call.apply(fresh);
            } catch (CairnException e) {
                throw e;
            } catch (Exception second) {
                second.addSuppressed(first);
                throw new CairnException(secondFailure, action + " failed on PKCS#11 token '" + options.tokenLabel()
                        + "'", second);
            }
        }
    }

    private TokenConnection current() {
        if (closed) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "the pkcs11 key custody is closed");
        }
        TokenConnection c = connection;
        return c != null ? c : reconnect(null);
    }

    private TokenConnection reconnect(TokenConnection failed) {
        synchronized (reconnectLock) {
            TokenConnection c = connection;
            if (c != null && c != failed) {
                return c;
            }
            // the failed connection is dropped without closing its sessions: after a session loss their
            // handles may already belong to other sessions of this process
            connection = null;
            TokenConnection fresh = TokenConnection.open(options);
            connection = fresh;
            return fresh;
        }
    }
}
