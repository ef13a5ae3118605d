package io.cairn.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Makes ledger provisioning plans from every registered {@link LedgerProvisioner} in the transaction that records
 * a decision (admission, suspension, reinstatement, removal), and completes them: when every step of an admission
 * plan is done or overridden the application becomes {@code provisioned} and its member {@code active}; an
 * admission whose plan is empty (no provisioner, or none with anything to do) completes in the decision's own
 * transaction. Without provisioning wired nothing is planned (an approved application waits, as before).
 */
final class ProvisioningPlanner {
    /** The actor of step changes the runner makes. */
    static final String RUNNER = "system:provisioning";

    private final Jdbi jdbi;
    private final ProvisioningRecords records;
    private final MemberRegistry members;
    private final ApplicationRecords applications;
    private final Map<String, LedgerProvisioner> provisioners;
    private final boolean wired;
    private final Clock clock;

    ProvisioningPlanner(Jdbi jdbi, ProvisioningRecords records, MemberRegistry members, ApplicationRecords applications,
                        Optional<List<LedgerProvisioner>> provisioners, Clock clock) {
        this.jdbi = jdbi;
        this.records = records;
        this.members = members;
        this.applications = applications;
        this.provisioners = byLedger(provisioners.orElse(List.of()));
        this.wired = provisioners.isPresent();
        this.clock = clock;
    }

    private static Map<String, LedgerProvisioner> byLedger(List<LedgerProvisioner> list) {
        Map<String, LedgerProvisioner> map = new LinkedHashMap<>();
        for (LedgerProvisioner p : list) {
            if (map.put(p.ledger(), p) != null) {
                throw new IllegalArgumentException("two provisioners for ledger " + p.ledger());
            }
        }
        return map;
    }

    /** The provisioner of a ledger. */
    Optional<LedgerProvisioner> provisioner(String ledger) {
        return Optional.ofNullable(provisioners.get(ledger));
    }

    /**
     * Plans an approved admission; completes it at once when the plan is empty and provisioning is wired (without
     * provisioning wired, the application waits in {@code approved-pending-provisioning}).
     */
    void admissionApproved(Handle h, Application application, Instant now) {
        Member member = members.byId(h, application.member().id());
        ProvisioningPlan plan = plan(h, member, ProvisioningPurpose.ADMIT, application.id(), Optional.of(application.id()),
                application.submittedBy(), now);
        if (wired && plan.steps().isEmpty()) {
            completeAdmission(h, application.id(), MembershipEvents.GOVERNANCE, now);
        }
    }

    /** Plans the ledger side of a suspension, reinstatement or removal decided by a proposal. */
    void offboarding(Handle h, Member member, ProvisioningPurpose purpose, Proposal p, Instant now) {
        plan(h, member, purpose, p.id(), Optional.empty(), p.requestedBy(), now);
    }

    private ProvisioningPlan plan(Handle h, Member member, ProvisioningPurpose purpose, UUID planId,
                                  Optional<UUID> applicationId, String requestedBy, Instant now) {
        List<ProvisioningStep> steps = new ArrayList<>();
        for (LedgerProvisioner provisioner : provisioners.values()) {
            for (PlannedStep planned : provisioner.plan(member, purpose)) {
                if (!planned.ledger().equals(provisioner.ledger())) {
                    throw new IllegalStateException("the provisioner of " + provisioner.ledger()
                            + " planned a step for " + planned.ledger());
                }
                ProvisioningStep step = new ProvisioningStep(UUID.randomUUID(), planId, steps.size(), purpose,
                        member.id(), applicationId, requestedBy, planned, StepStatus.PENDING, 0, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), now, now);
                records.insert(h, step);
                steps.add(step);
            }
        }
        if (!wired) {
            return new ProvisioningPlan(planId, purpose, steps);
        }
        MembershipEvents.record(h, MembershipEvents.PROVISIONING_PLANNED, MembershipEvents.GOVERNANCE,
                subject(purpose, planId), now, Map.of("purpose", purpose.label(), "lei", member.lei().value(),
                        "steps", Integer.toString(steps.size()),
                        "ledgers", String.join(",", steps.stream().map(s -> s.step().ledger()).distinct().toList())));
        return new ProvisioningPlan(planId, purpose, steps);
    }

    /** After a step settled: completes its plan when no step is left open. */
    void completeIfSettled(Handle h, ProvisioningStep changed, String actor, Instant now) {
        List<ProvisioningStep> steps = records.plan(h, changed.planId());
        if (!new ProvisioningPlan(changed.planId(), changed.purpose(), steps).complete()) {
            return;
        }
        MembershipEvents.record(h, MembershipEvents.PROVISIONING_COMPLETED, actor,
                subject(changed.purpose(), changed.planId()), now, Map.of("purpose", changed.purpose().label(),
                        "steps", Integer.toString(steps.size())));
        if (changed.purpose() == ProvisioningPurpose.ADMIT) {
            completeAdmission(h, changed.planId(), actor, now);
        }
    }

    /**
     * Takes up admissions waiting without an open step: one approved before provisioning was wired (no step at
     * all) is planned now with the registered provisioners, and completed if there is still nothing to do; one
     * whose steps are all settled is completed.
     */
    void takeUpWaitingAdmissions() {
        if (!wired) {
            return;
        }
        for (UUID id : jdbi.withHandle(records::settledAdmissions)) {
            jdbi.useTransaction(h -> {
                Instant now = clock.instant();
                if (records.plan(h, id).isEmpty()) {
                    admissionApproved(h, applications.find(h, id, true).orElseThrow(), now);
                } else {
                    completeAdmission(h, id, RUNNER, now);
                }
            });
        }
    }

    private void completeAdmission(Handle h, UUID applicationId, String actor, Instant now) {
        Application application = applications.find(h, applicationId, true).orElseThrow();
        if (application.state() != ApplicationState.APPROVED_PENDING_PROVISIONING) {
            return;
        }
        applications.provisioned(h, applicationId, now);
        Member member = members.byId(h, application.member().id());
        if (member.status() == MemberStatus.APPLICANT) {
            String reason = "admitted and provisioned on every ledger";
            members.changeStatus(h, member, MemberStatus.ACTIVE, actor, now, reason);
            MembershipEvents.record(h, MembershipEvents.STATUS_CHANGED, actor, "member/" + member.lei(), now,
                    Map.of("from", member.status().label(), "to", MemberStatus.ACTIVE.label(), "reason", reason));
        }
        MembershipEvents.record(h, MembershipEvents.APPLICATION_PROVISIONED, actor, "application/" + applicationId, now,
                Map.of("lei", member.lei().value()));
    }

    /** Journals a step's change of status. */
    static void journal(Handle h, ProvisioningStep step, StepStatus to, String actor, Instant now,
                        Map<String, String> detail) {
        Map<String, String> attributes = new TreeMap<>(detail);
        attributes.putAll(Map.of("step", step.id().toString(), "position", Integer.toString(step.position()),
                "ledger", step.step().ledger(), "action", step.step().action(), "from", step.status().label(),
                "to", to.label()));
        MembershipEvents.record(h, MembershipEvents.PROVISIONING_STEP_CHANGED, actor,
                subject(step.purpose(), step.planId()), now, attributes);
    }

    private static String subject(ProvisioningPurpose purpose, UUID planId) {
        return (purpose == ProvisioningPurpose.ADMIT ? "application/" : "proposal/") + planId;
    }
}
