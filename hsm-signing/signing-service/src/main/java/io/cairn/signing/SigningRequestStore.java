package io.cairn.signing;

import io.cairn.http.Json;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import io.cairn.storage.StoreFailures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Signing requests, approvals and Ethereum nonce claims, in schema {@code signing_service}. */
final class SigningRequestStore {
    private static final String COLUMNS = "id, requester, idempotency_key, request_sha256, alias, operation, body, "
            + "state, required_approvals, approver_role, result, created_at, expires_at, decided_at";
    private final Jdbi jdbi;

    SigningRequestStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <T> T inTransaction(Function<Handle, T> work) {
        try {
            return jdbi.inTransaction(work::apply);
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
    }

    private <T> T withHandle(Function<Handle, T> work) {
        try {
            return jdbi.withHandle(work::apply);
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
    }

    void insert(Handle h, SigningRequest r) {
        h.createUpdate("INSERT INTO signing_service.signing_requests (" + COLUMNS + ") VALUES (:id, :requester, :key, "
                        + ":sha, :alias, :op, :body, :state, :required, :role, NULL, :created, :expires, NULL)")
                .bind("id", r.id()).bind("requester", r.requester()).bind("key", r.idempotencyKey())
                .bind("sha", r.requestSha256()).bind("alias", r.alias()).bind("op", r.operation().label())
                .bind("body", r.body().map(SigningRequestStore::text).orElse("{}")).bind("state", r.state().label())
                .bind("required", r.requiredApprovals()).bind("role", r.approverRole().label())
                .bind("created", Timestamp.from(r.createdAt())).bind("expires", Timestamp.from(r.expiresAt()))
                .execute();
    }

    /** What {@link #insertSigned} did. */
    enum Insertion {
        /** The request and its signature are stored. */
        STORED,
        /** The requester already used the idempotency key: nothing was stored. */
        DUPLICATE,
        /** The key is no longer active at the version that signed: nothing was stored. */
        KEY_CHANGED
    }

    /**
     * Stores a request that needed no approval together with its signature, claiming its Ethereum nonce when
     * it has one, in one transaction, and only while the key is still active at {@code keyVersion}.
     *
     * <p>The transaction commits without waiting for its WAL flush: the signature is released only after the
     * audit journal's own commit, which is synchronous and later in the same write-ahead log, so that commit's
     * flush makes this one durable too. A crash before it loses the request and the unreleased signature
     * together, never an answer already given.
     *
     * @throws CairnException {@code CAIRN-SIGN-0011} when the nonce is claimed for a different payload
     */
    Insertion insertSigned(SigningRequest r, int keyVersion) {
        boolean claimsNonce = r.body().flatMap(SignBody::transaction).flatMap(LedgerTransaction::nonce).isPresent();
        Function<Handle, Insertion> work = h -> {
            int stored = h.createUpdate("WITH durability AS (SELECT set_config('synchronous_commit', 'off', true)) "
                            + "INSERT INTO signing_service.signing_requests (" + COLUMNS + ") SELECT :id, :requester, "
                            + ":key, :sha, :alias, :op, :body, 'recording', :required, :role, :result, :created, :expires, "
                            + ":decided FROM durability, signing_service.managed_keys k WHERE k.alias = :alias "
                            + "AND k.state = 'active' AND k.current_version = :version "
                            + "ON CONFLICT ON CONSTRAINT signing_requests_idempotency DO NOTHING")
                    .bind("id", r.id()).bind("requester", r.requester()).bind("key", r.idempotencyKey())
                    .bind("sha", r.requestSha256()).bind("alias", r.alias()).bind("op", r.operation().label())
                    .bind("body", r.body().map(SigningRequestStore::text).orElse("{}"))
                    .bind("required", r.requiredApprovals()).bind("role", r.approverRole().label())
                    .bind("result", text(r.signature().orElseThrow())).bind("created", Timestamp.from(r.createdAt()))
                    .bind("expires", Timestamp.from(r.expiresAt())).bind("version", keyVersion)
                    .bind("decided", Timestamp.from(r.signature().orElseThrow().signedAt())).execute();
            if (stored == 0) {
                return find(h, r.requester(), r.idempotencyKey()).isPresent() ? Insertion.DUPLICATE : Insertion.KEY_CHANGED;
            }
            r.body().flatMap(SignBody::transaction).ifPresent(tx -> tx.nonce().ifPresent(nonce ->
                    claimNonce(h, r.alias(), tx.chainId(), nonce, r.body().get().digest(), r.id())));
            return Insertion.STORED;
        };
        // without a nonce to claim, the single statement is its own transaction: one round trip
        return claimsNonce ? inTransaction(work) : withHandle(work);
    }

    /**
     * Marks a {@code recording} request {@code signed} with its journal position, without waiting for the WAL
     * flush: if that write is lost, the request stays {@code recording} and a retry records it again, which the
     * journal answers with the same receipt.
     */
    void completeSignature(UUID id, SignatureRecord signature) {
        withHandle(h -> h.createUpdate("WITH durability AS (SELECT set_config('synchronous_commit', 'off', true)) "
                        + "UPDATE signing_service.signing_requests SET state = 'signed', result = :result "
                        + "FROM durability WHERE id = :id AND state = 'recording'")
                .bind("result", text(signature)).bind("id", id).execute());
    }

    Optional<SigningRequest> find(UUID id) {
        return withHandle(h -> find(h, id));
    }

    /** A request as the given transaction sees it. */
    Optional<SigningRequest> find(Handle h, UUID id) {
        return one(h, "id = :id", "id", id);
    }

    Optional<SigningRequest> find(String requester, String idempotencyKey) {
        return withHandle(h -> find(h, requester, idempotencyKey));
    }

    private static Optional<SigningRequest> find(Handle h, String requester, String idempotencyKey) {
        return h.createQuery("SELECT " + COLUMNS + " FROM signing_service.signing_requests "
                        + "WHERE requester = :r AND idempotency_key = :k")
                .bind("r", requester).bind("k", idempotencyKey).map((rs, ctx) -> row(rs)).findOne()
                .map(r -> withApprovals(h, r));
    }

    List<SigningRequest> list(Optional<RequestState> state, int limit) {
        return withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM signing_service.signing_requests "
                        + (state.isPresent() ? "WHERE state = :state " : "") + "ORDER BY created_at DESC LIMIT :limit")
                .bind("state", state.map(RequestState::label).orElse("")).bind("limit", limit)
                .map((rs, ctx) -> row(rs)).list().stream().map(r -> withApprovals(h, r)).toList());
    }

    /** Records a decision; a second decision by the same user is {@code CAIRN-SIGN-0013}. */
    void decide(Handle h, UUID id, String approver, String decision, Instant at) {
        int inserted = h.createUpdate("INSERT INTO signing_service.approvals (request_id, approver, decision, decided_at) "
                        + "VALUES (:id, :who, :d, :at) ON CONFLICT DO NOTHING")
                .bind("id", id).bind("who", approver).bind("d", decision).bind("at", Timestamp.from(at)).execute();
        if (inserted == 0) {
            throw new CairnException(ErrorCode.SIGN_APPROVAL_NOT_ALLOWED,
                    "user '" + approver + "' already decided on request " + id);
        }
    }

    /** Locks the request row for the rest of the transaction and returns its state. */
    RequestState lockState(Handle h, UUID id) {
        return RequestState.fromLabel(h.createQuery("SELECT state FROM signing_service.signing_requests "
                + "WHERE id = :id FOR UPDATE").bind("id", id).mapTo(String.class).one());
    }

    int approvals(Handle h, UUID id) {
        return h.createQuery("SELECT count(*) FROM signing_service.approvals WHERE request_id = :id AND decision = 'approve'")
                .bind("id", id).mapTo(Integer.class).one();
    }

    /** Moves a request from one state to another; false when it was no longer in {@code from}. */
    boolean transition(Handle h, UUID id, RequestState from, RequestState to, Instant at) {
        return h.createUpdate("UPDATE signing_service.signing_requests SET state = :to, decided_at = coalesce(decided_at, :at) "
                        + "WHERE id = :id AND state = :from")
                .bind("to", to.label()).bind("at", Timestamp.from(at)).bind("id", id).bind("from", from.label())
                .execute() == 1;
    }

    /** Stores the released signature; false when another caller stored one first. */
    boolean storeSignature(UUID id, SignatureRecord signature) {
        return withHandle(h -> h.createUpdate("UPDATE signing_service.signing_requests SET state = 'signed', "
                        + "result = :result, decided_at = coalesce(decided_at, :at) WHERE id = :id AND state = 'approved'")
                .bind("result", text(signature)).bind("at", Timestamp.from(signature.signedAt())).bind("id", id)
                .execute() == 1);
    }

    int countSince(String alias, Instant since) {
        return withHandle(h -> h.createQuery("SELECT count(*) FROM signing_service.signing_requests "
                        + "WHERE alias = :alias AND operation = 'sign-digest' AND created_at > :since")
                .bind("alias", alias).bind("since", Timestamp.from(since)).mapTo(Integer.class).one());
    }

    /** Expires pending requests past their time and frees their nonce claims; returns how many. */
    int expireDue(Instant now) {
        return inTransaction(h -> {
            List<UUID> ids = h.createQuery("UPDATE signing_service.signing_requests SET state = 'expired', decided_at = :now "
                            + "WHERE state = 'pending' AND expires_at <= :now RETURNING id")
                    .bind("now", Timestamp.from(now)).mapTo(UUID.class).list();
            ids.forEach(id -> releaseNonce(h, id));
            return ids.size();
        });
    }

    /**
     * Claims (key, chain, nonce) for a payload. The same payload may claim it again (a retry of the same
     * transaction); a different payload is {@code CAIRN-SIGN-0011}. The UNIQUE constraint decides races.
     */
    void claimNonce(Handle h, String alias, String chainId, BigInteger nonce, String payloadSha256, UUID requestId) {
        h.createUpdate("INSERT INTO signing_service.ethereum_nonces (alias, chain_id, nonce, payload_sha256, request_id) "
                        + "VALUES (:alias, :chain, :nonce, :payload, :id) ON CONFLICT ON CONSTRAINT ethereum_nonces_once DO NOTHING")
                .bind("alias", alias).bind("chain", chainId).bind("nonce", new java.math.BigDecimal(nonce)).bind("payload", payloadSha256)
                .bind("id", requestId).execute();
        String claimed = h.createQuery("SELECT payload_sha256 FROM signing_service.ethereum_nonces "
                        + "WHERE alias = :alias AND chain_id = :chain AND nonce = :nonce")
                .bind("alias", alias).bind("chain", chainId).bind("nonce", new java.math.BigDecimal(nonce)).mapTo(String.class).one();
        if (!claimed.equals(payloadSha256)) {
            throw new CairnException(ErrorCode.SIGN_NONCE_REUSED, "key '" + alias + "' already signed a different "
                    + "payload with nonce " + nonce + " on chain " + chainId);
        }
    }

    void releaseNonce(Handle h, UUID requestId) {
        h.createUpdate("DELETE FROM signing_service.ethereum_nonces WHERE request_id = :id").bind("id", requestId).execute();
    }

    private static Optional<SigningRequest> one(Handle h, String where, String name, Object value) {
        return h.createQuery("SELECT " + COLUMNS + " FROM signing_service.signing_requests WHERE " + where)
                .bind(name, value).map((rs, ctx) -> row(rs)).findOne().map(r -> withApprovals(h, r));
    }

    private static SigningRequest withApprovals(Handle h, SigningRequest r) {
        List<ApprovalDecision> approvals = h.createQuery("SELECT approver, decision, decided_at FROM signing_service.approvals "
                        + "WHERE request_id = :id ORDER BY decided_at, approver").bind("id", r.id())
                .map((rs, ctx) -> new ApprovalDecision(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
        return new SigningRequest(r.id(), r.requester(), r.idempotencyKey(), r.requestSha256(), r.alias(), r.operation(),
                r.body(), r.state(), r.requiredApprovals(), r.approverRole(), r.signature(), r.createdAt(),
                r.expiresAt(), r.decidedAt(), approvals);
    }

    private static SigningRequest row(ResultSet rs) throws SQLException {
        Operation op = Operation.fromLabel(rs.getString("operation"));
        Optional<SignBody> body = op == Operation.SIGN_DIGEST
                ? Optional.of(read(rs.getString("body"), SignBody.class)) : Optional.empty();
        Optional<SignatureRecord> result = Optional.ofNullable(rs.getString("result"))
                .map(t -> read(t, SignatureRecord.class));
        Timestamp decided = rs.getTimestamp("decided_at");
        return new SigningRequest(rs.getObject("id", UUID.class), rs.getString("requester"),
                rs.getString("idempotency_key"), rs.getString("request_sha256"), rs.getString("alias"), op, body,
                RequestState.fromLabel(rs.getString("state")), rs.getInt("required_approvals"),
                Role.fromLabel(rs.getString("approver_role")).orElseThrow(), result,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                Optional.ofNullable(decided).map(Timestamp::toInstant), List.of());
    }

    private static <T> T read(String json, Class<T> type) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static String text(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }
}
