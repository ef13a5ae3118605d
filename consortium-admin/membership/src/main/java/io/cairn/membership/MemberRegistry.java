package io.cairn.membership;

import com.fasterxml.jackson.core.type.TypeReference;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The member organisations and their status history, in the {@code consortium} schema. */
public final class MemberRegistry {
    private static final String COLUMNS = "id, lei, legal_name, jurisdiction, contacts::text as contacts, roles, "
            + "ledger_identities::text as ledger_identities, status, created_at, created_by";
    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
    };

    private final Jdbi jdbi;

    /** Creates the registry. */
    public MemberRegistry(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Records a new organisation with its first status.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0006} when the LEI is already registered
     */
    Member insert(Handle h, MemberProfile profile, MemberStatus status, String actor, Instant now, String reason) {
        if (findByLei(h, profile.lei()).isPresent()) {
            throw new CairnException(ErrorCode.MEMBER_ALREADY_REGISTERED,
                    "an organisation with LEI " + profile.lei() + " is already registered");
        }
        Member member = new Member(UUID.randomUUID(), profile.lei(), profile.legalName(), profile.jurisdiction(),
                profile.contacts(), profile.roles(), profile.ledgerIdentities(), status, now, actor);
        int inserted = h.createUpdate("insert into consortium.members (id, lei, legal_name, jurisdiction, contacts, roles, "
                        + "ledger_identities, status, created_at, created_by) values (:id, :lei, :name, :jurisdiction, "
                        + "cast(:contacts as jsonb), :roles, cast(:ledger as jsonb), :status, :at, :by) "
                        + "on conflict (lei) do nothing")
                .bind("id", member.id()).bind("lei", member.lei().value()).bind("name", member.legalName())
                .bind("jurisdiction", member.jurisdiction()).bind("contacts", JsonColumns.write(member.contacts()))
                .bind("roles", roleLabels(member)).bind("ledger", JsonColumns.write(member.ledgerIdentities()))
                .bind("status", status.label()).bind("at", Timestamp.from(now)).bind("by", actor).execute();
        if (inserted == 0) {
            throw new CairnException(ErrorCode.MEMBER_ALREADY_REGISTERED,
                    "an organisation with LEI " + profile.lei() + " was registered at the same moment");
        }
        recordChange(h, member.id(), Optional.empty(), status, actor, now, reason);
        return member;
    }

    /** Replaces the declared data of a removed organisation that applies again, and makes it an applicant. */
    Member reapply(Handle h, Member removed, MemberProfile profile, String actor, Instant now) {
        h.createUpdate("update consortium.members set legal_name = :name, jurisdiction = :jurisdiction, "
                        + "contacts = cast(:contacts as jsonb), roles = :roles, ledger_identities = cast(:ledger as jsonb) "
                        + "where id = :id")
                .bind("id", removed.id()).bind("name", profile.legalName()).bind("jurisdiction", profile.jurisdiction())
                .bind("contacts", JsonColumns.write(profile.contacts()))
                .bind("roles", profile.roles().stream().map(ConsortiumRole::label).sorted().toArray(String[]::new))
                .bind("ledger", JsonColumns.write(profile.ledgerIdentities())).execute();
        Member updated = new Member(removed.id(), profile.lei(), profile.legalName(), profile.jurisdiction(),
                profile.contacts(), profile.roles(), profile.ledgerIdentities(), removed.status(), removed.createdAt(),
                removed.createdBy());
        return changeStatus(h, updated, MemberStatus.APPLICANT, actor, now, "applied again");
    }

    /** Moves a member to another status and records who, when and why. */
    Member changeStatus(Handle h, Member member, MemberStatus to, String actor, Instant now, String reason) {
        h.createUpdate("update consortium.members set status = :s where id = :id")
                .bind("s", to.label()).bind("id", member.id()).execute();
        recordChange(h, member.id(), Optional.of(member.status()), to, actor, now, reason);
        return member.withStatus(to);
    }

    private static void recordChange(Handle h, UUID memberId, Optional<MemberStatus> from, MemberStatus to,
                                     String actor, Instant now, String reason) {
        h.createUpdate("insert into consortium.member_status_history (member_id, from_status, to_status, changed_by, "
                        + "changed_at, reason) values (:m, :f, :t, :by, :at, :reason)")
                .bind("m", memberId).bind("f", from.map(MemberStatus::label).orElse(null)).bind("t", to.label())
                .bind("by", actor).bind("at", Timestamp.from(now)).bind("reason", reason).execute();
    }

    /** A member by LEI. */
    public Optional<Member> find(Lei lei) {
        return jdbi.withHandle(h -> findByLei(h, lei));
    }

    /** A member by LEI, or 404. */
    public Member require(Lei lei) {
        return find(lei).orElseThrow(() -> new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND,
                "no member organisation with LEI " + lei));
    }

    Optional<Member> findByLei(Handle h, Lei lei) {
        return h.createQuery("select " + COLUMNS + " from consortium.members where lei = :lei")
                .bind("lei", lei.value()).map((rs, ctx) -> member(rs)).findOne();
    }

    Member byId(Handle h, UUID id) {
        return h.createQuery("select " + COLUMNS + " from consortium.members where id = :id")
                .bind("id", id).map((rs, ctx) -> member(rs)).one();
    }

    /** The LEI of a member by its identifier. */
    String leiOf(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select lei from consortium.members where id = :id").bind("id", id)
                .mapTo(String.class).one());
    }

    /** Members in LEI order, optionally only those with one status. */
    public List<Member> list(Optional<MemberStatus> status, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from consortium.members "
                        + "where (:s::text is null or status = :s) order by lei offset :o limit :l")
                .bind("s", status.map(MemberStatus::label).orElse(null)).bind("o", offset).bind("l", limit)
                .map((rs, ctx) -> member(rs)).list());
    }

    /** Identifiers of the active members, locked against status changes until the transaction ends. */
    List<UUID> activeIds(Handle h) {
        return h.createQuery("select id from consortium.members where status = 'active' order by id for share")
                .mapTo(UUID.class).list();
    }

    /** Every status the member had, oldest first. */
    public List<StatusChange> history(Member member) {
        return jdbi.withHandle(h -> h.createQuery("select from_status, to_status, changed_by, changed_at, reason "
                        + "from consortium.member_status_history where member_id = :m order by id")
                .bind("m", member.id())
                .map((rs, ctx) -> new StatusChange(Optional.ofNullable(rs.getString("from_status")).map(MemberStatus::fromLabel),
                        MemberStatus.fromLabel(rs.getString("to_status")), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("reason")))
                .list());
    }

    private static String[] roleLabels(Member member) {
        return member.roles().stream().map(ConsortiumRole::label).sorted().toArray(String[]::new);
    }

    private static Member member(ResultSet rs) throws SQLException {
        String[] roles = (String[]) rs.getArray("roles").getArray();
        return new Member(rs.getObject("id", UUID.class), Lei.of(rs.getString("lei")), rs.getString("legal_name"),
                rs.getString("jurisdiction"), JsonColumns.read(rs.getString("contacts"), CONTACTS),
                Arrays.stream(roles).map(ConsortiumRole::fromLabel).collect(Collectors.toSet()),
                JsonColumns.read(rs.getString("ledger_identities"), LedgerIdentities.class),
                MemberStatus.fromLabel(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
