package io.cairn.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The proposals, electorate and ballot tables. */
final class ProposalRecords {
    private static final String COLUMNS = "id, kind, subject_member, policy_version, rule, quorum_percent, requested_by, "
            + "opened_by, opened_at, closes_at, state, decided_at, decided_by, decision_reason, motivation, "
            + "proposed_policy::text as proposed_policy";

    void insert(Handle h, Proposal p, List<UUID> electorate) {
        h.createUpdate("insert into consortium.proposals (id, kind, subject_member, policy_version, rule, quorum_percent, "
                        + "requested_by, opened_by, opened_at, closes_at, state, motivation, proposed_policy) values (:id, "
                        + ":kind, cast(:subject as uuid), :version, :rule, :quorum, :requestedBy, :openedBy, :openedAt, :closesAt, 'open', "
                        + ":motivation, cast(:proposed as jsonb))")
                .bind("id", p.id()).bind("kind", p.kind().label()).bind("subject", p.subjectMember().orElse(null))
                .bind("version", p.policyVersion()).bind("rule", p.rule().label()).bind("quorum", p.quorumPercent())
                .bind("requestedBy", p.requestedBy()).bind("openedBy", p.openedBy())
                .bind("openedAt", Timestamp.from(p.openedAt())).bind("closesAt", Timestamp.from(p.closesAt()))
                .bind("motivation", p.motivation())
                .bind("proposed", p.proposedPolicy().map(ProposalRecords::termsJson).orElse(null)).execute();
        var batch = h.prepareBatch("insert into consortium.electorate (proposal_id, member_id) values (:p, :m)");
        electorate.forEach(m -> batch.bind("p", p.id()).bind("m", m).add());
        if (!electorate.isEmpty()) {
            batch.execute();
        }
    }

    Optional<Proposal> find(Handle h, UUID id, boolean lock) {
        return h.createQuery("select " + COLUMNS + " from consortium.proposals where id = :id" + (lock ? " for update" : ""))
                .bind("id", id).map((rs, ctx) -> proposal(rs)).findOne();
    }

    List<Proposal> list(Handle h, Optional<String> state, int offset, int limit) {
        return h.createQuery("select " + COLUMNS + " from consortium.proposals where (:s::text is null or state = :s) "
                        + "order by opened_at desc, id offset :o limit :l")
                .bind("s", state.orElse(null)).bind("o", offset).bind("l", limit).map((rs, ctx) -> proposal(rs)).list();
    }

    List<UUID> dueIds(Handle h, Instant now) {
        return h.createQuery("select id from consortium.proposals where state = 'open' and closes_at <= :now order by closes_at")
                .bind("now", Timestamp.from(now)).mapTo(UUID.class).list();
    }

    boolean any(Handle h) {
        return h.createQuery("select exists (select 1 from consortium.proposals)").mapTo(Boolean.class).one();
    }

    void decide(Handle h, UUID id, boolean approved, Instant now, String by, String reason) {
        h.createUpdate("update consortium.proposals set state = :s, decided_at = :at, decided_by = :by, "
                        + "decision_reason = :reason where id = :id and state = 'open'")
                .bind("s", approved ? "approved" : "rejected").bind("at", Timestamp.from(now)).bind("by", by)
                .bind("reason", reason).bind("id", id).execute();
    }

    List<UUID> electorate(Handle h, UUID proposal) {
        return h.createQuery("select member_id from consortium.electorate where proposal_id = :p")
                .bind("p", proposal).mapTo(UUID.class).list();
    }

    List<Ballot> ballots(Handle h, UUID proposal) {
        return h.createQuery("select proposal_id, member_id, choice, revision, cast_by, cast_at from consortium.ballots "
                        + "where proposal_id = :p order by cast_at, member_id")
                .bind("p", proposal).map((rs, ctx) -> new Ballot(rs.getObject("proposal_id", UUID.class),
                        rs.getObject("member_id", UUID.class), VoteChoice.fromLabel(rs.getString("choice")).orElseThrow(),
                        rs.getInt("revision"), rs.getString("cast_by"), rs.getTimestamp("cast_at").toInstant(),
                        Optional.empty())).list();
    }

    void saveBallot(Handle h, Ballot b) {
        h.createUpdate("insert into consortium.ballots (proposal_id, member_id, choice, revision, cast_by, cast_at) "
                        + "values (:p, :m, :c, :r, :by, :at) on conflict (proposal_id, member_id) do update set "
                        + "choice = excluded.choice, revision = excluded.revision, cast_by = excluded.cast_by, "
                        + "cast_at = excluded.cast_at")
                .bind("p", b.proposalId()).bind("m", b.memberId()).bind("c", b.choice().label()).bind("r", b.revision())
                .bind("by", b.castBy()).bind("at", Timestamp.from(b.castAt())).execute();
        h.createUpdate("insert into consortium.ballot_history (proposal_id, member_id, choice, revision, cast_by, cast_at) "
                        + "values (:p, :m, :c, :r, :by, :at)")
                .bind("p", b.proposalId()).bind("m", b.memberId()).bind("c", b.choice().label()).bind("r", b.revision())
                .bind("by", b.castBy()).bind("at", Timestamp.from(b.castAt())).execute();
    }

    private static String termsJson(PolicyTerms t) {
        return JsonColumns.write(new StoredTerms(t.rule().label(), t.quorumPercent(), t.votingWindow().toSeconds()));
    }

    /** Proposed terms as stored. */
    record StoredTerms(String rule, int quorumPercent, long votingWindowSeconds) {
        PolicyTerms terms() {
            return new PolicyTerms(DecisionRule.fromLabel("rule", rule), quorumPercent,
                    java.time.Duration.ofSeconds(votingWindowSeconds));
        }
    }

    private static Proposal proposal(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Proposal(rs.getObject("id", UUID.class), ProposalKind.fromLabel(rs.getString("kind")).orElseThrow(),
                Optional.ofNullable(rs.getObject("subject_member", UUID.class)), rs.getInt("policy_version"),
                DecisionRule.fromLabel("rule", rs.getString("rule")), rs.getInt("quorum_percent"),
                rs.getString("requested_by"), rs.getString("opened_by"), rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("closes_at").toInstant(), rs.getString("state"),
                Optional.ofNullable(decided).map(Timestamp::toInstant), Optional.ofNullable(rs.getString("decided_by")),
                Optional.ofNullable(rs.getString("decision_reason")), rs.getString("motivation"),
                Optional.ofNullable(rs.getString("proposed_policy"))
                        .map(j -> JsonColumns.read(j, StoredTerms.class).terms()));
    }
}
