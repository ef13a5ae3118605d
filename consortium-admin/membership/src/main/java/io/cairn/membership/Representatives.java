package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Which users vote for which member organisation. */
public final class Representatives {
    private final Jdbi jdbi;
    private final AccountDirectory accounts;

    /** Creates the table's repository. */
    public Representatives(Jdbi jdbi, AccountDirectory accounts) {
        this.jdbi = jdbi;
        this.accounts = accounts;
    }

    /**
     * Designates a user as a representative of a member.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0016} when the user is unknown, disabled, lacks the
     *                        {@code member} role or already represents an organisation
     */
    Representative designate(Handle h, Member member, String username, String by, Instant now) {
        Set<Role> roles = accounts.enabledRoles(username).orElseThrow(() -> CairnException.field(
                ErrorCode.MEMBER_INVALID_REPRESENTATIVE, "username", "no enabled user named '" + username + "'"));
        if (!roles.contains(Role.MEMBER)) {
            throw CairnException.field(ErrorCode.MEMBER_INVALID_REPRESENTATIVE, "username",
                    "'" + username + "' does not hold the role 'member'");
        }
        Optional<Representative> existing = find(h, username);
        if (existing.isPresent()) {
            throw CairnException.field(ErrorCode.MEMBER_INVALID_REPRESENTATIVE, "username",
                    "'" + username + "' already represents an organisation; a user represents one organisation");
        }
        int inserted = h.createUpdate("insert into consortium.representatives (username, member_id, designated_by, "
                        + "designated_at) values (:u, :m, :by, :at) on conflict (username) do nothing")
                .bind("u", username).bind("m", member.id()).bind("by", by).bind("at", Timestamp.from(now)).execute();
        if (inserted == 0) {
            throw CairnException.field(ErrorCode.MEMBER_INVALID_REPRESENTATIVE, "username",
                    "'" + username + "' was designated for an organisation at the same moment");
        }
        return new Representative(username, member.id(), by, now);
    }

    /** Ends a user's designation for a member; false when the user did not represent it. */
    boolean revoke(Handle h, Member member, String username) {
        return h.createUpdate("delete from consortium.representatives where username = :u and member_id = :m")
                .bind("u", username).bind("m", member.id()).execute() == 1;
    }

    /** The organisation a user represents. */
    Optional<Representative> find(Handle h, String username) {
        return h.createQuery("select username, member_id, designated_by, designated_at from consortium.representatives "
                        + "where username = :u")
                .bind("u", username).map((rs, ctx) -> new Representative(rs.getString("username"),
                        rs.getObject("member_id", java.util.UUID.class), rs.getString("designated_by"),
                        rs.getTimestamp("designated_at").toInstant())).findOne();
    }

    /** The representatives of a member, by username. */
    public List<Representative> of(Member member) {
        return jdbi.withHandle(h -> h.createQuery("select username, member_id, designated_by, designated_at "
                        + "from consortium.representatives where member_id = :m order by username")
                .bind("m", member.id()).map((rs, ctx) -> new Representative(rs.getString("username"),
                        rs.getObject("member_id", java.util.UUID.class), rs.getString("designated_by"),
                        rs.getTimestamp("designated_at").toInstant())).list());
    }
}
