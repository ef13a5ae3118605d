package io.cairn.membership;

import static io.cairn.membership.ConsortiumFixture.LEI_A;
import static io.cairn.membership.ConsortiumFixture.LEI_B;
import static io.cairn.membership.ConsortiumFixture.LEI_C;
import static io.cairn.membership.OnboardingScenarioTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy changes by vote, suspension and removal by vote, and the admin-only rule, on a real PostgreSQL.
 * Each test starts from an emptied schema with a fresh consortium (Bank A, B, C; majority, quorum 50%,
 * 7 days).
 */
@Tag("integration")
class GovernanceTest {
    @TempDir
    static Path dir;
    static ConsortiumFixture f;
    Governance g;

    @BeforeAll
    static void open() {
        f = new ConsortiumFixture(dir);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void start() {
        g = f.reset().founded().consortium.governance();
    }

    @Test
    void aPolicyChangeIsVotedUnderTheCurrentPolicyAndAppliesOnlyToLaterProposals() {
        Application before = f.applicationInVote(ConsortiumFixture.lei("969500BEFORECHANGE"), "Bank E", "rep-d");
        UUID change = g.proposePolicy(new PolicyTerms(DecisionRule.TWO_THIRDS, 60, Duration.ofDays(2)), "admin-1",
                "faster decisions, stronger majorities").id();
        assertThat(g.status(change).proposal().policyVersion()).isEqualTo(1);
        assertThat(g.status(change).proposal().rule()).isEqualTo(DecisionRule.MAJORITY);

        g.cast(change, "rep-a", VoteChoice.YES, Optional.empty());
        assertThat(f.consortium.policies().current().version()).isEqualTo(1);
        g.cast(change, "rep-b", VoteChoice.YES, Optional.empty());

        GovernancePolicy current = f.consortium.policies().current();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.terms()).isEqualTo(new PolicyTerms(DecisionRule.TWO_THIRDS, 60, Duration.ofDays(2)));
        assertThat(current.proposalId()).contains(change);
        assertThat(f.consortium.policies().history()).extracting(GovernancePolicy::version).containsExactly(1, 2);

        Proposal old = g.status(before.proposalId().orElseThrow()).proposal();
        assertThat(old.policyVersion()).isEqualTo(1);
        assertThat(old.closesAt()).isEqualTo(old.openedAt().plus(Duration.ofDays(7)));
        Application after = f.applicationInVote(ConsortiumFixture.lei("969500AFTERCHANGE0"), "Bank G", "rep-d");
        Proposal later = g.status(after.proposalId().orElseThrow()).proposal();
        assertThat(later.policyVersion()).isEqualTo(2);
        assertThat(later.rule()).isEqualTo(DecisionRule.TWO_THIRDS);
        assertThat(later.closesAt()).isEqualTo(later.openedAt().plus(Duration.ofDays(2)));

        // under two-thirds, 1 yes : 1 no is not enough once the window closes
        g.cast(later.id(), "rep-a", VoteChoice.YES, Optional.empty());
        g.cast(later.id(), "rep-b", VoteChoice.NO, Optional.empty());
        f.clock.advance(Duration.ofDays(2));
        assertThat(f.consortium.onboarding().get(after.id()).state()).isEqualTo(ApplicationState.REJECTED);
        assertThat(f.journal.typesFor("governance-policy")).containsExactly("membership.policy-adopted");
    }

    @Test
    void concurrentVotesAreSerialisedAndTheDecisionIsAppliedOnce() throws Exception {
        UUID change = g.proposePolicy(new PolicyTerms(DecisionRule.MAJORITY, 50, Duration.ofDays(3)), "admin-1",
                "shorter window").id();
        List<Callable<String>> casts = List.of("rep-a", "rep-b", "rep-c").stream().<Callable<String>>map(user -> () -> {
            try {
                g.cast(change, user, VoteChoice.YES, Optional.empty());
                return "counted";
            } catch (CairnException e) {
                return e.error().code();
            }
        }).toList();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> results = new ArrayList<>();
        try {
            for (Future<String> result : pool.invokeAll(casts)) {
                results.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).allMatch(r -> r.equals("counted") || r.equals("CAIRN-MEMBER-0008"));
        long counted = results.stream().filter("counted"::equals).count();
        assertThat(counted).isBetween(2L, 3L);
        ProposalStatus status = g.status(change);
        assertThat(status.proposal().state()).isEqualTo("approved");
        assertThat(status.ballots()).hasSize((int) counted);
        assertThat(f.journal.typesFor("proposal/" + change)).filteredOn("membership.proposal-decided"::equals).hasSize(1);
        assertThat(f.consortium.policies().history()).hasSize(2);
    }

    @Test
    void aRejectedPolicyChangeKeepsTheCurrentVersion() {
        UUID change = g.proposePolicy(new PolicyTerms(DecisionRule.UNANIMITY, 100, Duration.ofDays(1)), "admin-1",
                "everyone must agree").id();
        g.cast(change, "rep-a", VoteChoice.NO, Optional.empty());
        g.cast(change, "rep-b", VoteChoice.NO, Optional.empty());
        assertThat(g.status(change).proposal().state()).isEqualTo("rejected");
        assertThat(f.consortium.policies().current().version()).isEqualTo(1);
    }

    @Test
    void aSuspendedMemberNoLongerVotesAndCanThenBeRemoved() {
        UUID suspend = g.proposeStatusChange(ProposalKind.SUSPEND_MEMBER, Lei.of(LEI_C), "admin-1",
                "unpaid consortium fees").id();
        ProposalStatus opened = g.status(suspend);
        assertThat(opened.tally().electorate()).isEqualTo(2);
        assertError(() -> g.cast(suspend, "rep-c", VoteChoice.NO, Optional.empty()), ErrorCode.MEMBER_SELF_APPROVAL,
                "subject of this proposal");
        g.cast(suspend, "rep-a", VoteChoice.YES, Optional.empty());
        g.cast(suspend, "rep-b", VoteChoice.ABSTAIN, Optional.empty());
        assertThat(g.status(suspend).proposal().state()).isEqualTo("approved");
        Member c = f.consortium.members().require(Lei.of(LEI_C));
        assertThat(c.status()).isEqualTo(MemberStatus.SUSPENDED);
        StatusChange last = f.consortium.members().history(c).getLast();
        assertThat(last.changedBy()).isEqualTo("proposal:" + suspend);
        assertThat(last.reason()).isEqualTo("suspended by vote: unpaid consortium fees");

        assertError(() -> g.proposeStatusChange(ProposalKind.SUSPEND_MEMBER, Lei.of(LEI_C), "admin-1", "again"),
                ErrorCode.MEMBER_WRONG_STATE, "suspended member");
        UUID remove = g.proposeStatusChange(ProposalKind.REMOVE_MEMBER, Lei.of(LEI_C), "admin-1", "fees still unpaid").id();
        UUID policy = g.proposePolicy(new PolicyTerms(DecisionRule.MAJORITY, 50, Duration.ofDays(3)), "admin-1",
                "shorter window").id();
        assertThat(g.status(policy).tally().electorate()).isEqualTo(2);
        assertError(() -> g.cast(policy, "rep-c2", VoteChoice.YES, Optional.empty()), ErrorCode.MEMBER_NOT_ELIGIBLE,
                "not an active member");
        g.cast(remove, "rep-a", VoteChoice.YES, Optional.empty());
        g.cast(remove, "rep-b", VoteChoice.YES, Optional.empty());
        assertThat(f.consortium.members().require(Lei.of(LEI_C)).status()).isEqualTo(MemberStatus.REMOVED);
        assertThat(f.consortium.members().history(c)).extracting(StatusChange::to)
                .containsExactly(MemberStatus.ACTIVE, MemberStatus.SUSPENDED, MemberStatus.REMOVED);
    }

    @Test
    void underTheAdminOnlyRuleAnotherAdministratorDecides() {
        UUID change = g.proposePolicy(new PolicyTerms(DecisionRule.ADMIN_ONLY, 0, Duration.ofDays(1)), "admin-1",
                "administrators decide").id();
        g.cast(change, "rep-a", VoteChoice.YES, Optional.empty());
        g.cast(change, "rep-b", VoteChoice.YES, Optional.empty());
        assertThat(f.consortium.policies().current().terms().rule()).isEqualTo(DecisionRule.ADMIN_ONLY);

        UUID suspend = g.proposeStatusChange(ProposalKind.SUSPEND_MEMBER, Lei.of(LEI_B), "admin-1", "audit finding").id();
        assertError(() -> g.cast(suspend, "rep-a", VoteChoice.YES, Optional.empty()),
                ErrorCode.MEMBER_WRONG_DECISION_PROCEDURE, "admin-only");
        assertError(() -> g.decideAsAdministrator(suspend, "admin-1", true, "as proposed"),
                ErrorCode.MEMBER_SELF_APPROVAL, "another administrator");
        Proposal decided = g.decideAsAdministrator(suspend, "admin-2", true, "finding confirmed");
        assertThat(decided.state()).isEqualTo("approved");
        assertThat(decided.decidedBy()).contains("admin-2");
        assertThat(f.consortium.members().require(Lei.of(LEI_B)).status()).isEqualTo(MemberStatus.SUSPENDED);
        assertError(() -> g.decideAsAdministrator(suspend, "admin-2", false, "changed"), ErrorCode.MEMBER_VOTING_CLOSED,
                "already approved");

        UUID undecided = g.proposeStatusChange(ProposalKind.SUSPEND_MEMBER, Lei.of(LEI_A), "admin-2", "test").id();
        f.clock.advance(Duration.ofDays(1));
        assertThat(g.settleDue()).isEqualTo(1);
        assertThat(g.status(undecided).proposal().state()).isEqualTo("rejected");
        assertThat(g.status(undecided).proposal().decisionReason()).contains("no administrator decided within the voting window");
        assertThat(f.consortium.members().require(Lei.of(LEI_A)).status()).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void anAdministratorRepresentingTheConcernedOrganisationCannotDecide() {
        UUID change = g.proposePolicy(new PolicyTerms(DecisionRule.ADMIN_ONLY, 0, Duration.ofDays(1)), "admin-1",
                "administrators decide").id();
        g.cast(change, "rep-a", VoteChoice.YES, Optional.empty());
        g.cast(change, "rep-b", VoteChoice.YES, Optional.empty());
        UUID suspend = g.proposeStatusChange(ProposalKind.SUSPEND_MEMBER, Lei.of(LEI_C), "admin-1", "x").id();
        assertError(() -> g.decideAsAdministrator(suspend, "admin-rep", false, "no"), ErrorCode.MEMBER_SELF_APPROVAL,
                "concerned");
    }

    @Test
    void votesAfterTheWindowAreRefusedAndTheDecisionIsTakenAtItsClose() {
        UUID change = g.proposePolicy(new PolicyTerms(DecisionRule.MAJORITY, 50, Duration.ofDays(14)), "admin-1",
                "longer window").id();
        g.cast(change, "rep-a", VoteChoice.YES, Optional.empty());
        g.cast(change, "rep-b", VoteChoice.NO, Optional.empty());
        Proposal open = g.status(change).proposal();
        f.clock.advance(Duration.ofDays(7).minusSeconds(1));
        g.cast(change, "rep-c", VoteChoice.YES, Optional.empty());
        assertThat(g.status(change).proposal().state()).isEqualTo("approved");
        assertThat(g.status(change).proposal().decidedAt()).contains(f.clock.instant());

        UUID another = g.proposeStatusChange(ProposalKind.SUSPEND_MEMBER, Lei.of(LEI_A), "admin-1", "x").id();
        Proposal p = g.status(another).proposal();
        assertThat(p.closesAt()).isEqualTo(p.openedAt().plus(Duration.ofDays(14)));
        f.clock.advance(Duration.ofDays(14));
        assertError(() -> g.cast(another, "rep-b", VoteChoice.YES, Optional.empty()), ErrorCode.MEMBER_VOTING_CLOSED,
                "closed at " + p.closesAt());
        assertThat(g.status(another).proposal().decidedAt()).contains(p.closesAt());
        assertThat(open.policyVersion()).isEqualTo(1);
    }
}
