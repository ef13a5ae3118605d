package io.cairn.identity;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The tokens table. */
public final class TokenRegistry {
    private static final String COLUMNS = "t.id, t.user_id, t.name, t.scopes, t.created_at, t.expires_at, t.revoked_at, t.created_by";

    /** A token found by its secret, with its owner. */
    record Holder(ApiToken token, User user) {
    }

    private final Jdbi jdbi;

    /** Creates the registry over the identity schema. */
    public TokenRegistry(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a new token for a user; returns its record (the secret is the caller's to show once). */
    public ApiToken issue(Handle h, User owner, String name, Set<Role> scopes, String secret, Instant now,
                          Instant expiresAt, String createdBy) {
        ApiToken token = new ApiToken(UUID.randomUUID(), owner.id(), name, scopes, now, expiresAt, Optional.empty(),
                createdBy);
        h.createUpdate("insert into identity.tokens (id, user_id, name, secret_hash, scopes, created_at, expires_at, "
                        + "created_by) values (:id, :user, :name, :hash, :scopes, :created, :expires, :by)")
                .bind("id", token.id()).bind("user", owner.id()).bind("name", name)
                .bind("hash", TokenSecret.hash(secret)).bind("scopes", Rows.labels(scopes))
                .bind("created", Timestamp.from(now)).bind("expires", Timestamp.from(expiresAt)).bind("by", createdBy)
                .execute();
        return token;
    }

    /** Stores a new token in its own transaction. */
    public ApiToken issue(User owner, String name, Set<Role> scopes, String secret, Instant now, Instant expiresAt,
                          String createdBy) {
        return jdbi.inTransaction(h -> issue(h, owner, name, scopes, secret, now, expiresAt, createdBy));
    }

    /** The token whose secret this is, with its owner, whatever its state. */
    Optional<Holder> findBySecret(String secret) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + ", u.id as u_id, u.username, u.display_name, "
                        + "u.roles, u.client_certificate_sha256, u.enabled, u.created_at as u_created_at, "
                        + "u.created_by as u_created_by from identity.tokens t join identity.users u on u.id = t.user_id "
                        + "where t.secret_hash = :hash")
                .bind("hash", TokenSecret.hash(secret))
                .map((rs, ctx) -> new Holder(Rows.token(rs), new User(rs.getObject("u_id", UUID.class),
                        rs.getString("username"), rs.getString("display_name"), Rows.roles(rs.getArray("roles")),
                        Optional.ofNullable(rs.getString("client_certificate_sha256")), rs.getBoolean("enabled"),
                        rs.getTimestamp("u_created_at").toInstant(), rs.getString("u_created_by"))))
                .findOne());
    }

    /** The tokens of a user, newest first. */
    public List<ApiToken> listFor(User owner) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from identity.tokens t where t.user_id = :u order by t.created_at desc, t.id")
                .bind("u", owner.id()).map((rs, ctx) -> Rows.token(rs)).list());
    }

    /** A token by id. */
    public ApiToken require(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from identity.tokens t where t.id = :id")
                .bind("id", id).map((rs, ctx) -> Rows.token(rs)).findOne())
                .orElseThrow(() -> new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND, "no token with id " + id));
    }

    /** Revokes a token; revoking twice keeps the first revocation time. */
    public ApiToken revoke(UUID id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("update identity.tokens set revoked_at = :now where id = :id "
                + "and revoked_at is null").bind("now", Timestamp.from(now)).bind("id", id).execute());
        return require(id);
    }
}
