package io.cairn.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Every version of the governance policy; the highest version is current. */
public final class PolicyBook {
    private static final String COLUMNS =
            "version, rule, quorum_percent, voting_window_seconds, adopted_at, adopted_by, proposal_id";

    private final Jdbi jdbi;

    /** Creates the book. */
    public PolicyBook(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Adopts version 1 from configuration when the consortium has no policy yet; otherwise does nothing.
     *
     * @return the current policy
     */
    public GovernancePolicy ensureInitial(PolicyTerms initial, Instant now) {
        return jdbi.inTransaction(h -> {
            h.execute("lock table consortium.governance_policies in share row exclusive mode");
            return current(h).orElseGet(() -> adopt(h, 1, initial, now, "configuration", Optional.empty()));
        });
    }

    /** The current policy. */
    public GovernancePolicy current() {
        return jdbi.withHandle(this::current).orElseThrow(() -> new IllegalStateException(
                "no governance policy: PolicyBook.ensureInitial was not called at startup"));
    }

    Optional<GovernancePolicy> current(Handle h) {
        return h.createQuery("select " + COLUMNS + " from consortium.governance_policies order by version desc limit 1")
                .map((rs, ctx) -> policy(rs)).findOne();
    }

    /** Every version, oldest first. */
    public List<GovernancePolicy> history() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from consortium.governance_policies order by version")
                .map((rs, ctx) -> policy(rs)).list());
    }

    /** Adopts the next version, as decided by a proposal. */
    GovernancePolicy adoptNext(Handle h, PolicyTerms terms, Instant now, UUID proposalId) {
        h.execute("lock table consortium.governance_policies in share row exclusive mode");
        int next = current(h).map(GovernancePolicy::version).orElse(0) + 1;
        return adopt(h, next, terms, now, "proposal:" + proposalId, Optional.of(proposalId));
    }

    private static GovernancePolicy adopt(Handle h, int version, PolicyTerms terms, Instant now, String by,
                                          Optional<UUID> proposal) {
        h.createUpdate("insert into consortium.governance_policies (" + COLUMNS + ") values "
                        + "(:v, :rule, :quorum, :window, :at, :by, cast(:proposal as uuid))")
                .bind("v", version).bind("rule", terms.rule().label()).bind("quorum", terms.quorumPercent())
                .bind("window", terms.votingWindow().toSeconds()).bind("at", Timestamp.from(now)).bind("by", by)
                .bind("proposal", proposal.orElse(null)).execute();
        return new GovernancePolicy(version, terms, now, by, proposal);
    }

    private static GovernancePolicy policy(ResultSet rs) throws SQLException {
        PolicyTerms terms = new PolicyTerms(DecisionRule.fromLabel("rule", rs.getString("rule")),
                rs.getInt("quorum_percent"), Duration.ofSeconds(rs.getLong("voting_window_seconds")));
        return new GovernancePolicy(rs.getInt("version"), terms, rs.getTimestamp("adopted_at").toInstant(),
                rs.getString("adopted_by"), Optional.ofNullable(rs.getObject("proposal_id", UUID.class)));
    }
}
