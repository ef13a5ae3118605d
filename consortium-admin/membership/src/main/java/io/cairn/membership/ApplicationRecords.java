package io.cairn.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The applications, checklist and provisioning plan tables. */
final class ApplicationRecords {
    private static final String COLUMNS = "id, member_id, csr_pem, csr_subject, state, submitted_by, submitted_at, "
            + "proposal_id, decided_at, rejection_reasons";
    private final MemberRegistry members;
    private final ProvisioningRecords provisioning;

    ApplicationRecords(MemberRegistry members, ProvisioningRecords provisioning) {
        this.members = members;
        this.provisioning = provisioning;
    }

    void insert(Handle h, UUID id, Member member, CertificateRequest csr, String by, Instant now, List<String> checklist) {
        h.createUpdate("insert into consortium.applications (id, member_id, csr_pem, csr_subject, state, submitted_by, "
                        + "submitted_at) values (:id, :m, :pem, :subject, 'due-diligence', :by, :at)")
                .bind("id", id).bind("m", member.id()).bind("pem", csr.pem()).bind("subject", csr.subject())
                .bind("by", by).bind("at", Timestamp.from(now)).execute();
        for (int i = 0; i < checklist.size(); i++) {
            h.createUpdate("insert into consortium.checklist_items (application_id, position, item) values (:a, :p, :i)")
                    .bind("a", id).bind("p", i).bind("i", checklist.get(i)).execute();
        }
    }

    Optional<Application> find(Handle h, UUID id, boolean lock) {
        return h.createQuery("select " + COLUMNS + " from consortium.applications where id = :id" + (lock ? " for update" : ""))
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne().map(r -> assemble(h, r));
    }

    Optional<Application> findByProposal(Handle h, UUID proposal) {
        return h.createQuery("select " + COLUMNS + " from consortium.applications where proposal_id = :p for update")
                .bind("p", proposal).map((rs, ctx) -> row(rs)).findOne().map(r -> assemble(h, r));
    }

    List<Application> list(Handle h, Optional<ApplicationState> state, int offset, int limit) {
        return h.createQuery("select " + COLUMNS + " from consortium.applications where (:s::text is null or state = :s) "
                        + "order by submitted_at desc, id offset :o limit :l")
                .bind("s", state.map(ApplicationState::label).orElse(null)).bind("o", offset).bind("l", limit)
                .map((rs, ctx) -> row(rs)).list().stream().map(r -> assemble(h, r)).toList();
    }

    boolean tick(Handle h, UUID id, String item, String by, Instant now, String evidence, Optional<String> reference) {
        return h.createUpdate("update consortium.checklist_items set ticked_by = :by, ticked_at = :at, evidence = :e, "
                        + "reference = :r where application_id = :a and item = :i and ticked_by is null")
                .bind("by", by).bind("at", Timestamp.from(now)).bind("e", evidence).bind("r", reference.orElse(null))
                .bind("a", id).bind("i", item).execute() == 1;
    }

    void votingOpened(Handle h, UUID id, UUID proposal) {
        h.createUpdate("update consortium.applications set state = 'voting', proposal_id = :p where id = :id")
                .bind("p", proposal).bind("id", id).execute();
    }

    void approve(Handle h, UUID id, Instant now) {
        h.createUpdate("update consortium.applications set state = 'approved-pending-provisioning', decided_at = :at "
                        + "where id = :id").bind("at", Timestamp.from(now)).bind("id", id).execute();
        h.createUpdate("insert into consortium.provisioning_plans (application_id, created_at) values (:id, :at)")
                .bind("id", id).bind("at", Timestamp.from(now)).execute();
    }

    void provisioned(Handle h, UUID id, Instant now) {
        h.createUpdate("update consortium.applications set state = 'provisioned', provisioned_at = :at where id = :id")
                .bind("at", Timestamp.from(now)).bind("id", id).execute();
    }

    void reject(Handle h, UUID id, Instant now, List<String> reasons) {
        h.createUpdate("update consortium.applications set state = 'rejected', decided_at = :at, rejection_reasons = :r "
                        + "where id = :id")
                .bind("at", Timestamp.from(now)).bind("r", reasons.toArray(String[]::new)).bind("id", id).execute();
    }

    private record Row(UUID id, UUID memberId, CertificateRequest csr, ApplicationState state, String submittedBy,
                       Instant submittedAt, Optional<UUID> proposalId, Optional<Instant> decidedAt, List<String> reasons) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        java.sql.Array reasons = rs.getArray("rejection_reasons");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                CertificateRequest.parse("csr", rs.getString("csr_pem")),
                ApplicationState.fromLabel(rs.getString("state")), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), Optional.ofNullable(rs.getObject("proposal_id", UUID.class)),
                Optional.ofNullable(decided).map(Timestamp::toInstant),
                reasons == null ? List.of() : Arrays.asList((String[]) reasons.getArray()));
    }

    private Application assemble(Handle h, Row r) {
        List<ChecklistItem> checklist = h.createQuery("select item, ticked_by, ticked_at, evidence, reference "
                        + "from consortium.checklist_items where application_id = :a order by position")
                .bind("a", r.id()).map((rs, ctx) -> new ChecklistItem(rs.getString("item"),
                        Optional.ofNullable(rs.getString("ticked_by")),
                        Optional.ofNullable(rs.getTimestamp("ticked_at")).map(Timestamp::toInstant),
                        Optional.ofNullable(rs.getString("evidence")), Optional.ofNullable(rs.getString("reference"))))
                .list();
        Optional<ProvisioningPlan> plan = h.createQuery("select application_id from consortium.provisioning_plans "
                        + "where application_id = :a").bind("a", r.id()).mapTo(UUID.class).findOne()
                .map(id -> new ProvisioningPlan(id, ProvisioningPurpose.ADMIT, provisioning.plan(h, id)));
        return new Application(r.id(), members.byId(h, r.memberId()), r.csr(), r.state(), r.submittedBy(),
                r.submittedAt(), checklist, r.proposalId(), r.decidedAt(), r.reasons(), plan);
    }
}
