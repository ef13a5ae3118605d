package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.membership.ProvisioningStep.StepOverride;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Ledger provisioning as administrators see it: the plans made for each admission, suspension, reinstatement and
 * removal (by {@link ProvisioningPlanner}, executed by the {@link ProvisioningRunner}), and the override or retry of
 * a step, with separation of duties. Every change is journaled.
 */
public final class Provisioning {
    private final Jdbi jdbi;
    private final ProvisioningRecords records;
    private final MemberRegistry members;
    private final ApplicationRecords applications;
    private final Representatives representatives;
    private final ProvisioningPlanner planner;
    private final JournalRelay relay;
    private final Clock clock;

    Provisioning(Jdbi jdbi, ProvisioningRecords records, MemberRegistry members, ApplicationRecords applications,
                 Representatives representatives, ProvisioningPlanner planner, JournalRelay relay, Clock clock) {
        this.jdbi = jdbi;
        this.records = records;
        this.members = members;
        this.applications = applications;
        this.representatives = representatives;
        this.planner = planner;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * The provisioning plan of an approved application.
     *
     * @throws CairnException {@code CAIRN-API-0009} for an unknown application, {@code CAIRN-MEMBER-0013} before
     *                        its approval
     */
    public ProvisioningPlan applicationPlan(UUID applicationId) {
        Application application = jdbi.withHandle(h -> applications.find(h, applicationId, false))
                .orElseThrow(() -> new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND,
                        "no application with id " + applicationId));
        return application.provisioningPlan().orElseThrow(() -> new CairnException(ErrorCode.MEMBER_WRONG_STATE,
                "application " + applicationId + " is " + application.state().label()
                        + "; it has a provisioning plan once approved"));
    }

    /**
     * The provisioning plans made for a member, oldest first: every admission plan (also an empty one) and every
     * suspension, reinstatement or removal plan with at least one step (an empty one is only journaled).
     */
    public List<ProvisioningPlan> memberPlans(Lei lei) {
        return jdbi.withHandle(h -> {
            Member member = members.findByLei(h, lei).orElseThrow(() -> new CairnException(
                    ErrorCode.API_RESOURCE_NOT_FOUND, "no member organisation with LEI " + lei));
            Map<UUID, Instant> made = new LinkedHashMap<>(records.admissionPlans(h, member.id()));
            Map<UUID, List<ProvisioningStep>> plans = new LinkedHashMap<>();
            made.keySet().forEach(id -> plans.put(id, new ArrayList<>()));
            for (ProvisioningStep s : records.ofMember(h, member.id())) {
                made.putIfAbsent(s.planId(), s.createdAt());
                plans.computeIfAbsent(s.planId(), k -> new ArrayList<>()).add(s);
            }
            return plans.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> made.get(a).compareTo(made.get(b))))
                    .map(e -> new ProvisioningPlan(e.getKey(), e.getValue().isEmpty() ? ProvisioningPurpose.ADMIT
                            : e.getValue().getFirst().purpose(), e.getValue())).toList();
        });
    }

    /** The member whose plans the API addresses by LEI. */
    UUID memberId(Lei lei) {
        return jdbi.withHandle(h -> members.findByLei(h, lei)).map(Member::id).orElseThrow(() -> new CairnException(
                ErrorCode.API_RESOURCE_NOT_FOUND, "no member organisation with LEI " + lei));
    }

    /**
     * Declares a pending, failed or manual step done, with a reason and evidence; completes the plan when it was
     * the last open step.
     *
     * @param owner the application or member the step is addressed through
     * @throws CairnException {@code CAIRN-MEMBER-0009} when {@code by} asked for the decision (submitted the
     *                        application, requested the proposal) or represents the member concerned;
     *                        {@code CAIRN-MEMBER-0013} for a step running, done or overridden;
     *                        {@code CAIRN-API-0009} for an unknown step
     */
    public ProvisioningStep override(UUID owner, UUID stepId, String by, String reason, Optional<String> reference) {
        ProvisioningStep result = jdbi.inTransaction(h -> {
            ProvisioningStep step = require(h, owner, stepId);
            boolean concerned = representatives.find(h, by).map(r -> r.memberId().equals(step.memberId())).orElse(false);
            if (by.equals(step.requestedBy()) || concerned) {
                throw new CairnException(ErrorCode.MEMBER_SELF_APPROVAL, "'" + by + "' asked for this decision or "
                        + "represents the organisation concerned; another administrator must override its steps");
            }
            expect(step, "overridden", StepStatus.PENDING, StepStatus.FAILED, StepStatus.MANUAL);
            Instant now = clock.instant();
            records.override(h, stepId, new StepOverride(by, reason, reference), now);
            ProvisioningPlanner.journal(h, step, StepStatus.OVERRIDDEN, by, now, Map.of("reason", reason, "reference", reference.orElse("-")));
            planner.completeIfSettled(h, step, by, now);
            return records.find(h, stepId, false).orElseThrow();
        });
        relay.deliverQuietly();
        return result;
    }

    /**
     * Makes a failed or manual step pending again, so the runner executes it at its next run.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0013} in another status, {@code CAIRN-API-0009} for an unknown step
     */
    public ProvisioningStep retry(UUID owner, UUID stepId, String by) {
        ProvisioningStep result = jdbi.inTransaction(h -> {
            ProvisioningStep step = require(h, owner, stepId);
            expect(step, "retried", StepStatus.FAILED, StepStatus.MANUAL);
            Instant now = clock.instant();
            records.finish(h, stepId, StepStatus.PENDING, Optional.empty(), Optional.empty(), Optional.empty(), now);
            ProvisioningPlanner.journal(h, step, StepStatus.PENDING, by, now, Map.of("attempts", Integer.toString(step.attempts())));
            return records.find(h, stepId, false).orElseThrow();
        });
        relay.deliverQuietly();
        return result;
    }

    private ProvisioningStep require(Handle h, UUID owner, UUID stepId) {
        return records.find(h, stepId, true)
                .filter(s -> s.applicationId().equals(Optional.of(owner)) || s.memberId().equals(owner))
                .orElseThrow(() -> new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND, "no provisioning step "
                        + stepId + " here"));
    }

    private static void expect(ProvisioningStep step, String action, StepStatus... allowed) {
        if (!List.of(allowed).contains(step.status())) {
            throw new CairnException(ErrorCode.MEMBER_WRONG_STATE, "provisioning step " + step.id() + " is "
                    + step.status().label() + "; only a step that is "
                    + String.join(" or ", List.of(allowed).stream().map(StepStatus::label).toList()) + " can be " + action);
        }
    }
}
