package io.cairn.membership;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What a decided proposal changes, applied in the transaction that records the decision: an admission
 * approves or rejects the application (a rejected applicant's status becomes {@code removed}) and an approved
 * one gets its member certificate and its ledger provisioning plan; a suspension, removal or reinstatement changes
 * the member's status at once, puts its certificates on hold, revokes them or lifts the hold, and plans the ledger
 * side ({@link ProvisioningPlanner}); a policy change adopts the next policy version.
 */
final class Decisions {
    private final MemberRegistry members;
    private final PolicyBook policies;
    private final ApplicationRecords applications;
    private final CertificateIssuer issuer;
    private final ProvisioningPlanner provisioning;

    Decisions(MemberRegistry members, PolicyBook policies, ApplicationRecords applications, CertificateIssuer issuer,
              ProvisioningPlanner provisioning) {
        this.members = members;
        this.policies = policies;
        this.applications = applications;
        this.issuer = issuer;
        this.provisioning = provisioning;
    }

    void apply(Handle h, Proposal p, boolean approved, String reason, Instant now) {
        String actor = "proposal:" + p.id();
        switch (p.kind()) {
            case ADMIT_MEMBER -> admission(h, p, approved, reason, now);
            case SUSPEND_MEMBER -> {
                if (approved) {
                    String why = "suspended by vote: " + p.motivation();
                    Member member = status(h, p, MemberStatus.SUSPENDED, actor, now, why);
                    certificates(h, MembershipEvents.CERTIFICATE_HELD, member, issuer.hold(member, why), p, now);
                    provisioning.offboarding(h, member, ProvisioningPurpose.SUSPEND, p, now);
                }
            }
            case REMOVE_MEMBER -> {
                if (approved) {
                    String why = "removed by vote: " + p.motivation();
                    Member member = status(h, p, MemberStatus.REMOVED, actor, now, why);
                    certificates(h, MembershipEvents.CERTIFICATE_REVOKED, member, issuer.revoke(member, why), p, now);
                    provisioning.offboarding(h, member, ProvisioningPurpose.REMOVE, p, now);
                }
            }
            case REINSTATE_MEMBER -> {
                if (approved) {
                    Member member = status(h, p, MemberStatus.ACTIVE, actor, now, "reinstated by vote: " + p.motivation());
                    certificates(h, MembershipEvents.CERTIFICATE_RELEASED, member, issuer.release(member), p, now);
                    provisioning.offboarding(h, member, ProvisioningPurpose.REINSTATE, p, now);
                }
            }
            case CHANGE_POLICY -> {
                if (approved) {
                    GovernancePolicy adopted = policies.adoptNext(h, p.proposedPolicy().orElseThrow(), now, p.id());
                    MembershipEvents.record(h, MembershipEvents.POLICY_ADOPTED, MembershipEvents.GOVERNANCE,
                            "governance-policy", now, Map.of("proposal", p.id().toString(), "version", Integer.toString(adopted.version()),
                                    "rule", adopted.terms().rule().label(),
                                    "quorum-percent", Integer.toString(adopted.terms().quorumPercent()),
                                    "voting-window", adopted.terms().votingWindow().toString()));
                }
            }
        }
    }

    private void admission(Handle h, Proposal p, boolean approved, String reason, Instant now) {
        Application application = applications.findByProposal(h, p.id()).orElseThrow();
        String subject = "application/" + application.id();
        if (approved) {
            applications.approve(h, application.id(), now);
            MembershipEvents.record(h, MembershipEvents.APPLICATION_APPROVED, MembershipEvents.GOVERNANCE, subject, now,
                    Map.of("proposal", p.id().toString(), "lei", application.member().lei().value(), "reason", reason));
            Member member = members.byId(h, application.member().id());
            certificates(h, MembershipEvents.CERTIFICATE_ISSUED, member,
                    issuer.issue(member, application.csr()).stream().toList(), p, now);
            provisioning.admissionApproved(h, application, now);
        } else {
            applications.reject(h, application.id(), now, List.of("admission vote: " + reason));
            MembershipEvents.record(h, MembershipEvents.APPLICATION_REJECTED, MembershipEvents.GOVERNANCE, subject, now,
                    Map.of("proposal", p.id().toString(), "lei", application.member().lei().value(),
                            "reasons", "admission vote: " + reason));
            status(h, p, MemberStatus.REMOVED, "proposal:" + p.id(), now, "application rejected: " + reason);
        }
    }

    private Member status(Handle h, Proposal p, MemberStatus to, String actor, Instant now, String reason) {
        Member member = members.byId(h, p.subjectMember().orElseThrow());
        Member changed = members.changeStatus(h, member, to, actor, now, reason);
        MembershipEvents.record(h, MembershipEvents.STATUS_CHANGED, MembershipEvents.GOVERNANCE,
                "member/" + member.lei(), now,
                Map.of("proposal", p.id().toString(), "from", member.status().label(), "to", to.label(), "reason", reason));
        return changed;
    }

    /** Journals each certificate the CA issued, held or revoked for this decision. */
    private static void certificates(Handle h, String type, Member member, List<MemberCertificate> changed, Proposal p,
                                     Instant now) {
        for (MemberCertificate certificate : changed) {
            MembershipEvents.certificate(h, type, MembershipEvents.GOVERNANCE, member, certificate, now,
                    Map.of("proposal", p.id().toString()));
        }
    }
}
