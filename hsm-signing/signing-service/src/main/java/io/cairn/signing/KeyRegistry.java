package io.cairn.signing;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.KeyAttestation;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.http.Json;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.storage.StoreFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The managed keys and their versions, in schema {@code signing_service}.
 *
 * <p>The signing path reads keys through {@link #cached(String)}, which answers from memory. The cache is
 * never trusted on its own: the statement that records a signature only succeeds while the key is still
 * active at the cached version (see {@code SigningRequestStore#insertSigned}), and a refusal there drops
 * the cached entry. Every lifecycle change made through this registry drops it as well.
 */
public final class KeyRegistry {
    private static final String KEY_COLUMNS = "alias, backend, curve, purpose, policy, state, current_version, "
            + "created_by, created_at";
    private final Jdbi jdbi;
    private final ConcurrentMap<String, ManagedKey> cache = new ConcurrentHashMap<>();

    /** Stores through this database. */
    public KeyRegistry(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The key with this alias. */
    public Optional<ManagedKey> find(String alias) {
        try {
            return jdbi.withHandle(h -> find(h, alias));
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
    }

    /** The key with this alias as the database has it now (refreshing the cached copy), or {@code CAIRN-SIGN-0002}. */
    public ManagedKey require(String alias) {
        ManagedKey key = find(alias).orElseThrow(() -> new CairnException(ErrorCode.SIGN_KEY_NOT_FOUND,
                "no key with alias '" + alias + "'"));
        cache.put(alias, key);
        return key;
    }

    /**
     * The key with this alias as last read, or read now; {@code CAIRN-SIGN-0002} when there is none. Callers
     * must confirm the state in the database when they act on it (see the class comment).
     */
    public ManagedKey cached(String alias) {
        ManagedKey key = cache.get(alias);
        if (key != null) {
            return key;
        }
        return require(alias);
    }

    /** Forgets the cached copy of a key, so the next {@link #cached(String)} reads the database. */
    void forget(String alias) {
        cache.remove(alias);
    }

    /** Every key, by alias. */
    public List<ManagedKey> list() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT alias FROM signing_service.managed_keys ORDER BY alias")
                    .mapTo(String.class).list().stream().map(a -> find(h, a).orElseThrow()).toList());
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
    }

    Optional<ManagedKey> find(Handle h, String alias) {
        List<KeyVersion> versions = h.createQuery("SELECT v.version, v.handle_id, v.public_key, v.attestation, v.created_at, "
                        + "k.backend, k.curve FROM signing_service.key_versions v JOIN signing_service.managed_keys k "
                        + "ON k.alias = v.alias WHERE v.alias = :alias ORDER BY v.version")
                .bind("alias", alias).map((rs, ctx) -> version(rs)).list();
        return h.createQuery("SELECT " + KEY_COLUMNS + " FROM signing_service.managed_keys WHERE alias = :alias")
                .bind("alias", alias).map((rs, ctx) -> key(rs, versions)).findOne();
    }

    void insert(Handle h, ManagedKey key) {
        forget(key.alias());
        h.createUpdate("INSERT INTO signing_service.managed_keys (" + KEY_COLUMNS + ", updated_at) VALUES (:alias, "
                        + ":backend, :curve, :purpose, :policy, :state, :version, :createdBy, :createdAt, :createdAt)")
                .bind("alias", key.alias()).bind("backend", key.backend()).bind("curve", key.curve().label())
                .bind("purpose", key.purpose().label()).bind("policy", text(key.policy().document()))
                .bind("state", key.state().label()).bind("version", key.currentVersion())
                .bind("createdBy", key.createdBy()).bind("createdAt", Timestamp.from(key.createdAt())).execute();
        key.versions().forEach(v -> insertVersion(h, key.alias(), v));
    }

    void addVersion(Handle h, String alias, KeyVersion version) {
        forget(alias);
        insertVersion(h, alias, version);
        h.createUpdate("UPDATE signing_service.managed_keys SET current_version = :v, updated_at = :at "
                        + "WHERE alias = :alias")
                .bind("v", version.version()).bind("at", Timestamp.from(version.createdAt())).bind("alias", alias)
                .execute();
    }

    void setState(Handle h, String alias, KeyState state, Instant at) {
        forget(alias);
        h.createUpdate("UPDATE signing_service.managed_keys SET state = :state, updated_at = :at WHERE alias = :alias")
                .bind("state", state.label()).bind("at", Timestamp.from(at)).bind("alias", alias).execute();
    }

    private static void insertVersion(Handle h, String alias, KeyVersion v) {
        h.createUpdate("INSERT INTO signing_service.key_versions (alias, version, handle_id, public_key, attestation, "
                        + "created_at) VALUES (:alias, :version, :handle, :pub, :att, :at)")
                .bind("alias", alias).bind("version", v.version()).bind("handle", v.handle().id())
                .bind("pub", v.publicKey().raw()).bind("att", text(v.attestation()))
                .bind("at", Timestamp.from(v.createdAt())).execute();
    }

    private static ManagedKey key(ResultSet rs, List<KeyVersion> versions) throws SQLException {
        KeyPurpose purpose = KeyPurpose.parse("purpose", rs.getString("purpose"));
        PolicyDocument doc = Json.read(rs.getString("policy").getBytes(StandardCharsets.UTF_8), PolicyDocument.class);
        return new ManagedKey(rs.getString("alias"), rs.getString("backend"), curve(rs.getString("curve")), purpose,
                SigningPolicy.from(doc, purpose, 0), KeyState.fromLabel(rs.getString("state")),
                rs.getInt("current_version"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), versions);
    }

    private static KeyVersion version(ResultSet rs) throws SQLException {
        return new KeyVersion(rs.getInt("version"), new KeyHandle(rs.getString("backend"), rs.getString("handle_id")),
                new EncodedPublicKey(curve(rs.getString("curve")), rs.getBytes("public_key")),
                attestation(rs.getString("attestation")), rs.getTimestamp("created_at").toInstant());
    }

    private static Curve curve(String label) {
        return Curve.fromLabel(label).orElseThrow(() -> new IllegalStateException("unknown curve " + label));
    }

    private static KeyAttestation attestation(String json) {
        try {
            return Json.mapper().readValue(json, KeyAttestation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }
}
