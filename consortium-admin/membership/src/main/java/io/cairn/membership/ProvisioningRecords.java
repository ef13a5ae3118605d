package io.cairn.membership;

import com.fasterxml.jackson.core.type.TypeReference;
import io.cairn.membership.ProvisioningStep.StepOverride;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The {@code consortium.provisioning_steps} table. */
final class ProvisioningRecords {
    private static final TypeReference<Map<String, List<String>>> PARAMETERS = new TypeReference<>() {
    };
    private static final String OPEN = "status not in ('done', 'overridden')";

    void insert(Handle h, ProvisioningStep s) {
        h.createUpdate("insert into consortium.provisioning_steps (id, plan_id, position, purpose, member_id, "
                        + "application_id, requested_by, ledger, action, description, parameters, status, created_at, "
                        + "updated_at) values (:id, :plan, :pos, :purpose, :member, cast(:app as uuid), :by, :ledger, :action, :desc, "
                        + "cast(:params as jsonb), 'pending', :at, :at)")
                .bind("id", s.id()).bind("plan", s.planId()).bind("pos", s.position()).bind("purpose", s.purpose().label())
                .bind("member", s.memberId()).bind("app", s.applicationId().orElse(null)).bind("by", s.requestedBy())
                .bind("ledger", s.step().ledger()).bind("action", s.step().action())
                .bind("desc", s.step().description()).bind("params", JsonColumns.write(s.step().parameters()))
                .bind("at", Timestamp.from(s.createdAt())).execute();
    }

    List<ProvisioningStep> plan(Handle h, UUID planId) {
        return h.createQuery("select * from consortium.provisioning_steps where plan_id = :p order by position")
                .bind("p", planId).map((rs, ctx) -> step(rs)).list();
    }

    /** Every step about a member, plan by plan (oldest plan first), each plan in order. */
    List<ProvisioningStep> ofMember(Handle h, UUID memberId) {
        return h.createQuery("select * from consortium.provisioning_steps where member_id = :m "
                        + "order by seq").bind("m", memberId).map((rs, ctx) -> step(rs)).list();
    }

    /** The admission plans of a member's applications with when each was made, oldest first. */
    Map<UUID, Instant> admissionPlans(Handle h, UUID memberId) {
        Map<UUID, Instant> plans = new java.util.LinkedHashMap<>();
        h.createQuery("select p.application_id, p.created_at from consortium.provisioning_plans p "
                        + "join consortium.applications a on a.id = p.application_id where a.member_id = :m "
                        + "order by p.created_at").bind("m", memberId)
                .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .forEach(e -> plans.put(e.getKey(), e.getValue()));
        return plans;
    }

    Optional<ProvisioningStep> find(Handle h, UUID id, boolean lock) {
        return h.createQuery("select * from consortium.provisioning_steps where id = :id" + (lock ? " for update" : ""))
                .bind("id", id).map((rs, ctx) -> step(rs)).findOne();
    }

    /**
     * The first open step of every member (plans in the order they were made, each plan in order), when it may
     * run now: pending, failed with its retry time reached, or running since before {@code staleBefore} (its
     * runner stopped). A member's later plan (a reinstatement) thus waits for its earlier one (a suspension).
     */
    List<UUID> due(Handle h, Instant now, Instant staleBefore) {
        return h.createQuery("select id from consortium.provisioning_steps where id in (select distinct on (member_id) "
                        + "id from consortium.provisioning_steps where " + OPEN + " order by member_id, seq) "
                        + "and (status = 'pending' or (status = 'failed' and next_attempt_at <= :now) "
                        + "or (status = 'running' and updated_at < :stale)) order by seq")
                .bind("now", Timestamp.from(now)).bind("stale", Timestamp.from(staleBefore)).mapTo(UUID.class).list();
    }

    /** The admission plans (application ids) whose every step is settled but whose application still waits. */
    List<UUID> settledAdmissions(Handle h) {
        return h.createQuery("select a.id from consortium.applications a where a.state = 'approved-pending-provisioning' "
                        + "and not exists (select 1 from consortium.provisioning_steps s where s.plan_id = a.id and s."
                        + OPEN + ") order by a.decided_at").mapTo(UUID.class).list();
    }

    void start(Handle h, UUID id, Instant now) {
        h.createUpdate("update consortium.provisioning_steps set status = 'running', attempts = attempts + 1, "
                + "next_attempt_at = null, updated_at = :at where id = :id").bind("at", Timestamp.from(now)).bind("id", id)
                .execute();
    }

    void finish(Handle h, UUID id, StepStatus status, Optional<String> error, Optional<String> instructions,
                Optional<Instant> nextAttempt, Instant now) {
        h.createUpdate("update consortium.provisioning_steps set status = :s, last_error = coalesce(:e, last_error), "
                        + "instructions = :i, next_attempt_at = :n, updated_at = :at where id = :id")
                .bind("s", status.label()).bind("e", error.orElse(null)).bind("i", instructions.orElse(null))
                .bind("n", nextAttempt.map(Timestamp::from).orElse(null)).bind("at", Timestamp.from(now))
                .bind("id", id).execute();
    }

    void override(Handle h, UUID id, StepOverride override, Instant now) {
        h.createUpdate("update consortium.provisioning_steps set status = 'overridden', overridden_by = :by, "
                        + "override_reason = :r, override_reference = :ref, next_attempt_at = null, updated_at = :at "
                        + "where id = :id")
                .bind("by", override.by()).bind("r", override.reason()).bind("ref", override.reference().orElse(null))
                .bind("at", Timestamp.from(now)).bind("id", id).execute();
    }

    private static ProvisioningStep step(ResultSet rs) throws SQLException {
        Optional<StepOverride> override = Optional.ofNullable(rs.getString("overridden_by"))
                .map(by -> new StepOverride(by, text(rs, "override_reason"), Optional.ofNullable(text(rs,
                        "override_reference"))));
        return new ProvisioningStep(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getInt("position"), ProvisioningPurpose.fromLabel(rs.getString("purpose")),
                rs.getObject("member_id", UUID.class), Optional.ofNullable(rs.getObject("application_id", UUID.class)),
                rs.getString("requested_by"), new PlannedStep(rs.getString("ledger"), rs.getString("action"),
                        rs.getString("description"), JsonColumns.read(rs.getString("parameters"), PARAMETERS)),
                StepStatus.fromLabel(rs.getString("status")), rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")), Optional.ofNullable(rs.getString("instructions")),
                Optional.ofNullable(rs.getTimestamp("next_attempt_at")).map(Timestamp::toInstant), override,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static String text(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + column, e);
        }
    }
}
