package io.cairn.identity;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates the first consortium administrator of an empty appliance, exactly once: in one transaction the
 * user, its token and the bootstrap marker are written, under a lock so that two instances starting
 * together cannot both do it.
 */
public final class Bootstrap {
    private final Jdbi jdbi;
    private final UserDirectory users;
    private final TokenRegistry tokens;
    private final Clock clock;

    /**
     * The outcome of a bootstrap that happened.
     *
     * @param username  the administrator's name
     * @param token     the token secret, to be shown once when it was generated
     * @param generated whether the token was generated (and so must be shown) rather than configured
     * @param expiresAt when the token expires
     */
    public record Administrator(String username, String token, boolean generated, Instant expiresAt) {
        @Override
        public String toString() {
            return "Administrator[username=" + username + ", token=***, expiresAt=" + expiresAt + "]";
        }
    }

    /** Creates the bootstrapper. */
    public Bootstrap(Jdbi jdbi, UserDirectory users, TokenRegistry tokens, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Creates the first administrator if none was ever created; empty when bootstrap already happened. */
    public Optional<Administrator> ensureAdministrator(IdentitySettings settings) {
        settings.bootstrapToken().ifPresent(Bootstrap::checkConfiguredToken);
        return jdbi.inTransaction(h -> {
            h.execute("lock table identity.bootstrap in exclusive mode");
            boolean done = h.createQuery("select count(*) from identity.bootstrap").mapTo(Integer.class).one() > 0;
            if (done) {
                return Optional.<Administrator>empty();
            }
            Instant now = clock.instant();
            User admin = users.create(h, settings.bootstrapUsername(), "Bootstrap administrator",
                    Set.of(Role.CONSORTIUM_ADMIN), Optional.empty(), "bootstrap", now);
            boolean generated = settings.bootstrapToken().isEmpty();
            String secret = settings.bootstrapToken().orElseGet(TokenSecret::generate);
            Instant expires = now.plus(settings.bootstrapTokenTtl());
            tokens.issue(h, admin, "bootstrap", Set.of(Role.CONSORTIUM_ADMIN), secret, now, expires, "bootstrap");
            h.createUpdate("insert into identity.bootstrap (admin_user_id, completed_at) values (:id, :at)")
                    .bind("id", admin.id()).bind("at", Timestamp.from(now)).execute();
            return Optional.of(new Administrator(admin.username(), secret, generated, expires));
        });
    }

    private static void checkConfiguredToken(String token) {
        if (!token.startsWith(TokenSecret.PREFIX) || token.length() < TokenSecret.PREFIX.length() + 32) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE, "security.bootstrap.token must start with '"
                    + TokenSecret.PREFIX + "' followed by at least 32 characters");
        }
    }
}
