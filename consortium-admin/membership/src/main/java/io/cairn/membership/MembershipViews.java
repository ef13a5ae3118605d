package io.cairn.membership;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Answer bodies of the membership API. */
public final class MembershipViews {
    private MembershipViews() {
    }

    /** A member organisation. */
    public record MemberView(String id, String lei, String legalName, String jurisdiction, String jurisdictionName,
                             List<Contact> contacts, List<String> roles, LedgerIdentities ledgerIdentities,
                             String status, Instant createdAt, String createdBy) {
        static MemberView of(Member m) {
            return new MemberView(m.id().toString(), m.lei().value(), m.legalName(), m.jurisdiction(),
                    Jurisdictions.name(m.jurisdiction()).orElse(m.jurisdiction()), m.contacts(),
                    m.roles().stream().map(ConsortiumRole::label).sorted().toList(), m.ledgerIdentities(),
                    m.status().label(), m.createdAt(), m.createdBy());
        }
    }

    /** A page of members. */
    public record MemberPage(List<MemberView> items, int offset, int limit) {
    }

    /** One status change. */
    public record StatusChangeView(Optional<String> from, String to, String changedBy, Instant changedAt, String reason) {
        static StatusChangeView of(StatusChange c) {
            return new StatusChangeView(c.from().map(MemberStatus::label), c.to().label(), c.changedBy(), c.changedAt(),
                    c.reason());
        }
    }

    /** A member's status history, oldest first. */
    public record MemberHistory(String lei, String status, List<StatusChangeView> changes) {
    }

    /** A representative. */
    public record RepresentativeView(String username, String lei, String designatedBy, Instant designatedAt) {
    }

    /** A member's representatives. */
    public record RepresentativeList(String lei, List<RepresentativeView> items) {
    }

    /** A due-diligence item. */
    public record ChecklistView(String item, boolean done, Optional<String> tickedBy, Optional<Instant> tickedAt,
                                Optional<String> evidence, Optional<String> reference) {
        static ChecklistView of(ChecklistItem i) {
            return new ChecklistView(i.item(), i.done(), i.tickedBy(), i.tickedAt(), i.evidence(), i.reference());
        }
    }

    /** One ledger provisioning step. */
    public record StepView(String id, int position, String ledger, String action, String description,
                           Map<String, List<String>> parameters, String status, int attempts, Optional<String> lastError,
                           Optional<String> instructions, Optional<Instant> nextAttemptAt, Optional<String> overriddenBy,
                           Optional<String> overrideReason, Optional<String> overrideReference, Instant updatedAt) {
        static StepView of(ProvisioningStep s) {
            return new StepView(s.id().toString(), s.position(), s.step().ledger(), s.step().action(),
                    s.step().description(), s.step().parameters(), s.status().label(), s.attempts(), s.lastError(),
                    s.instructions(), s.nextAttemptAt(), s.override().map(ProvisioningStep.StepOverride::by),
                    s.override().map(ProvisioningStep.StepOverride::reason),
                    s.override().flatMap(ProvisioningStep.StepOverride::reference), s.updatedAt());
        }
    }

    /** A ledger provisioning plan: the steps in execution order and whether all are done or overridden. */
    public record PlanView(String planId, String purpose, boolean complete, List<StepView> steps) {
        static PlanView of(ProvisioningPlan plan) {
            return new PlanView(plan.planId().toString(), plan.purpose().label(), plan.complete(),
                    plan.steps().stream().map(StepView::of).toList());
        }
    }

    /** A member's provisioning plans, oldest first. */
    public record PlanList(String lei, List<PlanView> items) {
    }

    /** An onboarding application. */
    public record ApplicationView(String id, String state, MemberView applicant, String csrSubject,
                                  String csrKeyAlgorithm, String submittedBy, Instant submittedAt,
                                  List<ChecklistView> checklist, boolean checklistComplete, Optional<String> proposalId,
                                  Optional<Instant> decidedAt, List<String> rejectionReasons,
                                  Optional<PlanView> provisioningPlan) {
        static ApplicationView of(Application a) {
            return new ApplicationView(a.id().toString(), a.state().label(), MemberView.of(a.member()), a.csr().subject(),
                    a.csr().keyAlgorithm(), a.submittedBy(), a.submittedAt(),
                    a.checklist().stream().map(ChecklistView::of).toList(), a.checklistComplete(),
                    a.proposalId().map(UUID::toString), a.decidedAt(), a.rejectionReasons(),
                    a.provisioningPlan().map(PlanView::of));
        }
    }

    /** A page of applications. */
    public record ApplicationPage(List<ApplicationView> items, int offset, int limit) {
    }

    /** Policy terms. */
    public record TermsView(String rule, int quorumPercent, String votingWindow, long votingWindowSeconds) {
        static TermsView of(PolicyTerms t) {
            return new TermsView(t.rule().label(), t.quorumPercent(), t.votingWindow().toString(),
                    t.votingWindow().toSeconds());
        }
    }

    /** A governance policy version. */
    public record PolicyView(int version, TermsView terms, Instant adoptedAt, String adoptedBy,
                             Optional<String> proposalId) {
        static PolicyView of(GovernancePolicy p) {
            return new PolicyView(p.version(), TermsView.of(p.terms()), p.adoptedAt(), p.adoptedBy(),
                    p.proposalId().map(UUID::toString));
        }
    }

    /** Every policy version, oldest first. */
    public record PolicyHistory(List<PolicyView> versions) {
    }

    /** A proposal. */
    public record ProposalView(String id, String kind, Optional<String> subjectLei, int policyVersion, String rule,
                               int quorumPercent, String requestedBy, String openedBy, Instant openedAt,
                               Instant closesAt, String state, Optional<Instant> decidedAt, Optional<String> decidedBy,
                               Optional<String> decisionReason, String motivation, Optional<TermsView> proposedPolicy) {
        static ProposalView of(Proposal p, Function<UUID, String> leiOf) {
            return new ProposalView(p.id().toString(), p.kind().label(), p.subjectMember().map(leiOf), p.policyVersion(),
                    p.rule().label(), p.quorumPercent(), p.requestedBy(), p.openedBy(), p.openedAt(), p.closesAt(),
                    p.state(), p.decidedAt(), p.decidedBy(), p.decisionReason(), p.motivation(),
                    p.proposedPolicy().map(TermsView::of));
        }
    }

    /** A list of proposals. */
    public record ProposalList(List<ProposalView> items, int offset, int limit) {
    }

    /** One organisation's current vote. */
    public record BallotView(String lei, String choice, int revision, String castBy, Instant castAt) {
    }

    /**
     * A proposal's count: {@code quorumMet} and {@code approvedSoFar} apply the policy's arithmetic to the
     * votes cast so far; {@code settled} says whether the missing votes could still change the outcome.
     */
    public record TallyView(ProposalView proposal, int electorate, int yes, int no, int abstain, int cast,
                            boolean quorumMet, boolean approvedSoFar, boolean settled, List<BallotView> ballots) {
        static TallyView of(ProposalStatus s, Function<UUID, String> leiOf) {
            Tally t = s.tally();
            return new TallyView(ProposalView.of(s.proposal(), leiOf), t.electorate(), t.yes(), t.no(), t.abstain(),
                    t.cast(), t.quorumMet(), t.approved(), t.settled(), s.ballots().stream()
                    .map(b -> new BallotView(leiOf.apply(b.memberId()), b.choice().label(), b.revision(), b.castBy(),
                            b.castAt())).toList());
        }
    }

    /**
     * The answer to a vote: {@code changed} is true when it replaced an earlier vote of the same organisation
     * (then {@code previousChoice} says what it was and {@code revision} is above 1).
     */
    public record BallotReceipt(String proposalId, String lei, String choice, int revision, boolean changed,
                                Optional<String> previousChoice, String castBy, Instant castAt, String proposalState) {
    }

    /** Codes and names of the jurisdictions. */
    public record JurisdictionList(Map<String, String> items) {
    }
}
