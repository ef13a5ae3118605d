package io.cairn.signing;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.audit.spi.JournalReceipt;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.http.ApiService;
import io.cairn.http.HealthCheck;
import io.cairn.http.Json;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.storage.StoreFailures;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The signing service: takes idempotent signing and destruction requests, checks them against the key's
 * policy, rate limit and nonce guard, waits for m-of-n approvals where the key requires them, signs through
 * the key's own custody backend, records the signature in the audit journal and only then releases it.
 *
 * <p>Wiring: {@code new SigningService(jdbi, Map.of("software", software, "pkcs11", pkcs11), journal,
 * settings, clock)} over a database migrated with {@code SchemaMigration.of("signing_service")}; serve
 * {@link #apiServices()} and add {@link #healthChecks()} to readiness.
 */
public final class SigningService {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private final KeyRegistry registry;
    private final SigningRequestStore store;
    private final CustodyBackends backends;
    private final SigningAudit audit;
    private final KeyLifecycle lifecycle;
    private final Approvals approvals;
    private final SigningServiceSettings settings;
    private final Map<String, LedgerFormat> formats;
    private final Clock clock;

    /** Creates the service over a migrated database, the configured backends and the audit journal. */
    public SigningService(Jdbi jdbi, Map<String, KeyCustody> backends, AuditJournal journal,
                          SigningServiceSettings settings, Clock clock) {
        this(jdbi, backends, journal, List.of(), settings, clock);
    }

    /** Creates the service with ledger signature formats, each served at {@code sign/<name>}. */
    public SigningService(Jdbi jdbi, Map<String, KeyCustody> backends, AuditJournal journal,
                          List<LedgerFormat> formats, SigningServiceSettings settings, Clock clock) {
        this.formats = formats.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(LedgerFormat::name, f -> f));
        this.registry = new KeyRegistry(jdbi);
        this.store = new SigningRequestStore(jdbi);
        this.backends = new CustodyBackends(backends);
        this.audit = new SigningAudit(journal);
        this.settings = settings;
        this.clock = clock;
        this.lifecycle = new KeyLifecycle(jdbi, registry, this.backends, audit, settings, clock);
        this.approvals = new Approvals(this, store, registry, audit, clock);
    }

    /** The key registry (read side). */
    public KeyRegistry keys() {
        return registry;
    }

    /** Key creation, rotation and disabling. */
    public KeyLifecycle lifecycle() {
        return lifecycle;
    }

    /** Approving, rejecting and listing requests. */
    public Approvals approvals() {
        return approvals;
    }

    /** One readiness check per custody backend. */
    public List<HealthCheck> healthChecks() {
        return backends.healthChecks();
    }

    /** The HTTP resources: {@code /api/v1/keys...}, {@code /api/v1/approvals...}, {@code /api/v1/signing-requests/{id}}. */
    public List<ApiService> apiServices() {
        return List.of(new KeysApi(this), new ApprovalsApi(this));
    }

    /**
     * Asks for a signature over a digest. Answers at once with the signature when the key needs no approval;
     * otherwise the request is pending until approved. Callers passing a {@link LedgerTransaction} must have
     * computed the digest from that transaction themselves.
     */
    public SigningRequest sign(String alias, Principal requester, String idempotencyKey, SignBody body) {
        KeyPurpose purpose = KeyPurpose.parse("purpose", body.purpose());
        return submit(alias, requester, idempotencyKey, Operation.SIGN_DIGEST, Optional.of(body), key -> {
            key.policy().check(purpose, body.transaction());
            checkRate(key);
        });
    }

    /** The ledger formats this service signs, by name. */
    public Map<String, LedgerFormat> formats() {
        return formats;
    }

    /**
     * Asks for a signature over a ledger transaction: the format first binds the transaction to the key's curve
     * (refusing keys it cannot use), then computes the digest and the facts that the policy and the Ethereum
     * nonce guard check; purpose {@code ledger-transaction}.
     */
    public SigningRequest signLedger(String alias, Principal requester, String idempotencyKey, String formatName,
                                     com.fasterxml.jackson.databind.JsonNode transaction) {
        LedgerFormat format = format(formatName);
        com.fasterxml.jackson.databind.JsonNode bound = format.bind(transaction, registry.cached(alias).curve());
        LedgerFormat.Prepared prepared = format.prepare(bound);
        return sign(alias, requester, idempotencyKey, new SignBody(KeyPurpose.LEDGER_TRANSACTION.label(),
                HexFormat.of().formatHex(prepared.digest()), prepared.optionalFacts(), Optional.of(format.name()),
                Optional.of(bound)));
    }

    private LedgerFormat format(String name) {
        LedgerFormat format = formats.get(name);
        if (format == null) {
            throw new CairnException(ErrorCode.SIGN_SIGNATURE_FAILED, "signature format '" + name
                    + "' is not available on this appliance");
        }
        return format;
    }

    /** Asks for a key to be destroyed: always needs approval by other consortium admins. */
    public SigningRequest requestDestroy(String alias, Principal requester, String idempotencyKey) {
        return submit(alias, requester, idempotencyKey, Operation.DESTROY_KEY, Optional.empty(), key -> {
        });
    }

    /** A request by id, or {@code CAIRN-API-0009}. */
    public SigningRequest request(UUID id) {
        store.expireDue(clock.instant());
        return store.find(id).orElseThrow(() -> new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND,
                "no signing request " + id));
    }

    private SigningRequest submit(String alias, Principal requester, String idempotencyKey, Operation op,
                                  Optional<SignBody> body, java.util.function.Consumer<ManagedKey> checks) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "idempotencyKey",
                    "an idempotency key is 1 to 200 printable ASCII characters without spaces");
        }
        String user = requester.username();
        String sha = requestHash(alias, op, body);
        ManagedKey key = registry.cached(alias);
        if (op == Operation.SIGN_DIGEST && key.policy().dualControl().requiredApprovals() == 0) {
            key.requireActive();
            checks.accept(key);
            return signAtOnce(newRequest(key, user, idempotencyKey, sha, op, body), key, true);
        }
        Optional<SigningRequest> existing = store.find(user, idempotencyKey);
        if (existing.isPresent()) {
            return replay(existing.get(), sha);
        }
        key = registry.require(alias);
        key.requireActive();
        checks.accept(key);
        SigningRequest request = newRequest(key, user, idempotencyKey, sha, op, body);
        try {
            store.inTransaction(h -> {
                store.insert(h, request);
                body.flatMap(SignBody::transaction).ifPresent(tx -> tx.nonce().ifPresent(nonce ->
                        store.claimNonce(h, alias, tx.chainId(), nonce, body.get().digest(), request.id())));
                return null;
            });
        } catch (RuntimeException e) {
            if (StoreFailures.isUniqueViolation(e, "signing_requests_idempotency")) {
                return replay(store.find(user, idempotencyKey).orElseThrow(), sha);
            }
            throw e;
        }
        if (request.state() != RequestState.APPROVED) {
            return request;
        }
        return request.operation() == Operation.SIGN_DIGEST ? release(request, key) : execute(request);
    }

    private SigningRequest newRequest(ManagedKey key, String user, String idempotencyKey, String sha, Operation op,
                                      Optional<SignBody> body) {
        DualControl dual = key.policy().dualControl();
        int required = op == Operation.DESTROY_KEY
                ? Math.max(settings.destroyRequiredApprovals(), dual.requiredApprovals()) : dual.requiredApprovals();
        Role role = op == Operation.DESTROY_KEY ? Role.CONSORTIUM_ADMIN : dual.approverRole();
        Instant now = clock.instant();
        return new SigningRequest(UUID.randomUUID(), user, idempotencyKey, sha, key.alias(), op, body,
                required > 0 ? RequestState.PENDING : RequestState.APPROVED, required, role, Optional.empty(), now,
                now.plus(settings.approvalTtl()), Optional.empty(), List.of());
    }

    /**
     * Signs a request that needs no approval before anything is stored, then stores request, signature and
     * nonce claim in one transaction (only while the key is still active at the version that signed), records
     * the signature in the journal and only then releases it. A signature whose request cannot be stored
     * (idempotency replay, nonce reused, key changed meanwhile) is dropped unreleased and unrecorded.
     */
    private SigningRequest signAtOnce(SigningRequest request, ManagedKey key, boolean mayRetry) {
        KeyVersion version = key.current();
        SignBody body = request.body().orElseThrow();
        SignatureValue signature = signature(key, version, body);
        SignatureRecord unrecorded = signatureRecord(request, key, version, body, signature, -1, clock.instant());
        SigningRequest signed = request.signed(unrecorded);
        switch (store.insertSigned(signed, version.version())) {
            case DUPLICATE -> {
                return replay(store.find(request.requester(), request.idempotencyKey()).orElseThrow(),
                        request.requestSha256());
            }
            case KEY_CHANGED -> {
                registry.forget(key.alias());
                ManagedKey fresh = registry.require(key.alias());
                fresh.requireActive();
                if (!mayRetry) {
                    throw new CairnException(ErrorCode.SIGN_KEY_DISABLED, "key '" + key.alias()
                            + "' changed while signing; retry the request");
                }
                return signAtOnce(request, fresh, false);
            }
            case STORED -> {
                return recorded(signed, key, version);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Records a stored signature in the journal (idempotently) and returns the request with its journal position. */
    private SigningRequest recorded(SigningRequest stored, ManagedKey key, KeyVersion version) {
        SignatureRecord record = stored.signature().orElseThrow();
        JournalReceipt receipt = audit.record(signatureEvent(stored, key, version, stored.body().orElseThrow(),
                record.signature(), record.signedAt()));
        SignatureRecord complete = record.atLeaf(receipt.leafIndex());
        store.completeSignature(stored.id(), complete);
        return stored.signed(complete);
    }

    /** The stored answer for a retried request; an approved request not yet carried out is carried out now. */
    private SigningRequest replay(SigningRequest existing, String sha) {
        if (!existing.requestSha256().equals(sha)) {
            throw new CairnException(ErrorCode.API_IDEMPOTENCY_MISMATCH, "idempotency key '"
                    + existing.idempotencyKey() + "' was already used for a different request");
        }
        if (existing.state() == RequestState.RECORDING) {
            ManagedKey key = registry.require(existing.alias());
            return recorded(existing, key, key.version(existing.signature().get().keyVersion()));
        }
        return existing.state() == RequestState.APPROVED ? execute(existing) : request(existing.id());
    }

    /** Carries out an approved request. */
    SigningRequest execute(SigningRequest request) {
        if (request.operation() == Operation.SIGN_DIGEST) {
            return release(request, registry.require(request.alias()));
        }
        lifecycle.destroyApproved(request);
        store.inTransaction(h -> store.transition(h, request.id(), RequestState.APPROVED, RequestState.COMPLETED,
                clock.instant()));
        return load(request.id());
    }

    /** A request as stored, without expiring anything first. */
    SigningRequest load(UUID id) {
        return store.find(id).orElseThrow(() -> new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND,
                "no signing request " + id));
    }

    /** Signs, records in the journal, stores; only then is the signature returned. */
    private SigningRequest release(SigningRequest request, ManagedKey key) {
        key.requireActive();
        KeyVersion version = key.current();
        SignBody body = request.body().orElseThrow();
        SignatureValue signature = signature(key, version, body);
        Instant now = clock.instant();
        JournalReceipt receipt = audit.record(signatureEvent(request, key, version, body, signatureHex(signature), now));
        SignatureRecord record = signatureRecord(request, key, version, body, signature, receipt.leafIndex(), now);
        if (!store.storeSignature(request.id(), record)) {
            return load(request.id());
        }
        return request.signed(record);
    }

    private SignatureValue signature(ManagedKey key, KeyVersion version, SignBody body) {
        KeyCustody custody = backends.require(key.backend());
        byte[] digest = body.digestBytes();
        return custody.sign(version.handle(),
                key.curve().isEcdsa() ? SigningInput.digest(digest) : SigningInput.message(digest));
    }

    private SignatureRecord signatureRecord(SigningRequest request, ManagedKey key, KeyVersion version, SignBody body,
                                            SignatureValue signature, long leafIndex, Instant at) {
        Optional<com.fasterxml.jackson.databind.JsonNode> ledger = body.format().map(name ->
                format(name).assemble(body.payload().orElseThrow(), version.publicKey(), signature));
        Optional<String> der = signature instanceof EcdsaSignature ecdsa
                ? Optional.of(HexFormat.of().formatHex(ecdsa.der())) : Optional.empty();
        return new SignatureRecord(key.alias(), version.version(), key.curve().label(), body.digest(),
                signatureHex(signature), der, version.publicKey().hex(), EthereumAddress.of(version.publicKey()),
                request.approvers(), ledger, leafIndex, at);
    }

    private static AuditEvent signatureEvent(SigningRequest request, ManagedKey key, KeyVersion version, SignBody body,
                                             String signatureHex, Instant at) {
        SortedMap<String, String> a = new TreeMap<>();
        a.put("request.id", request.id().toString());
        a.put("alias", key.alias());
        a.put("backend", key.backend());
        a.put("curve", key.curve().label());
        a.put("key.version", Integer.toString(version.version()));
        a.put("key.handle", version.handle().toString());
        a.put("purpose", body.purpose());
        body.format().ifPresent(f -> a.put("format", f));
        a.put("digest", body.digest());
        a.put("signature", signatureHex);
        a.put("requester", request.requester());
        a.put("approvers", String.join(",", request.approvers()));
        a.put("policy.decision", request.requiredApprovals() > 0
                ? "allowed; " + request.requiredApprovals() + " approval(s) by " + request.approverRole().label()
                : "allowed; no approval required");
        body.transaction().ifPresent(tx -> {
            a.put("transaction.chain-id", tx.chainId());
            tx.nonce().ifPresent(n -> a.put("transaction.nonce", n.toString()));
            tx.to().ifPresent(t -> a.put("transaction.to", t));
            a.put("transaction.value", tx.value().toString());
        });
        return new AuditEvent("signing.signature-released", request.requester(), "key:" + key.alias(), at,
                Optional.of("signing-request:" + request.id()), Optional.of(body.digest()), a);
    }

    /** {@code r || s} for ECDSA (low-S), the 64 signature bytes for Ed25519. */
    private static String signatureHex(SignatureValue signature) {
        return HexFormat.of().formatHex(signature instanceof EcdsaSignature ecdsa ? ecdsa.concatenated() : signature.encoded());
    }

    private void checkRate(ManagedKey key) {
        int limit = key.policy().ratePerMinute();
        if (limit > 0 && store.countSince(key.alias(), clock.instant().minus(Duration.ofMinutes(1))) >= limit) {
            throw new CairnException(ErrorCode.SIGN_RATE_LIMITED,
                    "key '" + key.alias() + "' may sign at most " + limit + " requests per minute");
        }
    }

    private static String requestHash(String alias, Operation op, Optional<SignBody> body) {
        record Canonical(String alias, String operation, Optional<SignBody> body) {
        }
        try {
            byte[] json = Json.write(new Canonical(alias, op.label(), body));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
