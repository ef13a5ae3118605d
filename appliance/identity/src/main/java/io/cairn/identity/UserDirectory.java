package io.cairn.identity;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import io.cairn.storage.StoreFailures;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The users table. */
public final class UserDirectory {
    private static final String COLUMNS =
            "id, username, display_name, roles, client_certificate_sha256, enabled, created_at, created_by";

    private final Jdbi jdbi;

    /** Creates the directory over the identity schema. */
    public UserDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Adds a user.
     *
     * @throws CairnException {@code CAIRN-API-0010} when the username or certificate is already taken
     */
    public User create(Handle h, String username, String displayName, Set<Role> roles, Optional<String> certificate,
                       String createdBy, Instant now) {
        User user = new User(UUID.randomUUID(), username, displayName, roles, certificate, true, now, createdBy);
        try {
            h.createUpdate("insert into identity.users (" + COLUMNS + ") values "
                            + "(:id, :username, :displayName, :roles, :cert, true, :createdAt, :createdBy)")
                    .bind("id", user.id()).bind("username", username).bind("displayName", displayName)
                    .bind("roles", Rows.labels(roles)).bind("cert", certificate.orElse(null))
                    .bind("createdAt", Timestamp.from(now)).bind("createdBy", createdBy)
                    .execute();
        } catch (UnableToExecuteStatementException e) {
            if (StoreFailures.isUniqueViolation(e)) {
                throw new CairnException(ErrorCode.API_CONFLICT,
                        "a user with this username or client certificate already exists");
            }
            throw e;
        }
        return user;
    }

    /** A user by name. */
    public Optional<User> find(String username) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from identity.users where username = :u")
                .bind("u", username).map((rs, ctx) -> Rows.user(rs)).findOne());
    }

    /** A user by name, or 404. */
    public User require(String username) {
        return find(username).orElseThrow(() -> new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND,
                "no user named '" + username + "'"));
    }

    /** The enabled user a client certificate is bound to. */
    public Optional<User> findByCertificate(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from identity.users where client_certificate_sha256 = :c")
                .bind("c", sha256).map((rs, ctx) -> Rows.user(rs)).findOne());
    }

    /** Users in name order, one page. */
    public List<User> list(int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from identity.users order by username offset :o limit :l")
                .bind("o", offset).bind("l", limit).map((rs, ctx) -> Rows.user(rs)).list());
    }

    /**
     * Enables or disables a user. Disabling the last enabled administrator is refused, under a lock so two
     * concurrent requests cannot both succeed.
     */
    public User setEnabled(String username, boolean enabled) {
        return jdbi.inTransaction(h -> {
            h.execute("lock table identity.users in share row exclusive mode");
            User user = h.createQuery("select " + COLUMNS + " from identity.users where username = :u")
                    .bind("u", username).map((rs, ctx) -> Rows.user(rs)).findOne()
                    .orElseThrow(() -> new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND, "no user named '" + username + "'"));
            if (!enabled && user.enabled() && user.roles().contains(Role.CONSORTIUM_ADMIN)
                    && enabledAdministrators(h) <= 1) {
                throw new CairnException(ErrorCode.AUTH_LAST_ADMINISTRATOR,
                        "'" + username + "' is the last enabled consortium administrator; enable another one first");
            }
            h.createUpdate("update identity.users set enabled = :e where id = :id").bind("e", enabled)
                    .bind("id", user.id()).execute();
            return new User(user.id(), user.username(), user.displayName(), user.roles(),
                    user.clientCertificateSha256(), enabled, user.createdAt(), user.createdBy());
        });
    }

    private static int enabledAdministrators(Handle h) {
        return h.createQuery("select count(*) from identity.users where enabled and :r = any(roles)")
                .bind("r", Role.CONSORTIUM_ADMIN.label()).mapTo(Integer.class).one();
    }
}
