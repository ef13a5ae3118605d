package io.cairn.membership;

import static io.cairn.membership.ConsortiumFixture.LEI_A;
import static io.cairn.membership.ConsortiumFixture.LEI_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admission workflow at the service level, on a real PostgreSQL: three founding members, applications,
 * due diligence, admission votes (with a changed vote), decisions, and the errors of every step. Each test
 * uses its own applicant, so the founding members and the policy (majority, quorum 50%, 7 days) stay as
 * set up.
 */
@Tag("integration")
class OnboardingScenarioTest {
    @TempDir
    static Path dir;
    static ConsortiumFixture f;

    @BeforeAll
    static void start() {
        f = new ConsortiumFixture(dir).founded();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void applicantIsAdmittedByMajorityAfterOneMemberChangesItsVote() {
        Application app = f.consortium.onboarding().submit(ConsortiumFixture.profile("784F5XWPLTWKTBV3E584",
                        "Bank D SA", "FR", Set.of(ConsortiumRole.PARTICIPANT)),
                CertificateRequest.parse("csr", TestPki.csr("CN=Bank D, O=Bank D SA, C=FR")), "rep-d");
        assertThat(app.state()).isEqualTo(ApplicationState.DUE_DILIGENCE);
        assertThat(app.member().status()).isEqualTo(MemberStatus.APPLICANT);
        assertThat(app.checklist()).extracting(ChecklistItem::item)
                .containsExactly("kyc", "sanctions-screening", "legal-agreement-signed");

        f.tickAll(app.id());
        Application voting = f.consortium.onboarding().openVote(app.id(), "admin-1");
        assertThat(voting.state()).isEqualTo(ApplicationState.VOTING);
        var proposal = voting.proposalId().orElseThrow();
        Governance governance = f.consortium.governance();
        ProposalStatus opened = governance.status(proposal);
        assertThat(opened.proposal().policyVersion()).isEqualTo(1);
        assertThat(opened.proposal().closesAt()).isEqualTo(opened.proposal().openedAt().plus(Duration.ofDays(7)));
        assertThat(opened.tally().electorate()).isEqualTo(3);

        Ballot first = governance.cast(proposal, "rep-a", VoteChoice.NO, Optional.empty());
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.isChange()).isFalse();
        f.clock.advance(Duration.ofHours(1));
        Ballot changed = governance.cast(proposal, "rep-a", VoteChoice.YES, Optional.of(1));
        assertThat(changed.revision()).isEqualTo(2);
        assertThat(changed.previousChoice()).contains(VoteChoice.NO);
        assertThat(governance.status(proposal).proposal().state()).isEqualTo("open");

        governance.cast(proposal, "rep-b", VoteChoice.YES, Optional.of(0));
        ProposalStatus decided = governance.status(proposal);
        assertThat(decided.proposal().state()).isEqualTo("approved");
        assertThat(decided.proposal().decisionReason()).contains(
                "approved under majority (yes 2, no 0, abstain 0 of 3 eligible organisations)");
        assertThat(decided.tally().settled()).isTrue();

        Application approved = f.consortium.onboarding().get(app.id());
        assertThat(approved.state()).isEqualTo(ApplicationState.APPROVED_PENDING_PROVISIONING);
        assertThat(approved.provisioningPlan()).hasValueSatisfying(p -> assertThat(p.steps()).isEmpty());
        assertThat(approved.csr().subject()).isEqualTo("CN=Bank D,O=Bank D SA,C=FR");
        assertThat(approved.member().status()).isEqualTo(MemberStatus.APPLICANT);

        assertClosed(() -> governance.cast(proposal, "rep-c", VoteChoice.NO, Optional.empty()));
        assertThat(f.journal.typesFor("application/" + app.id())).containsExactly("membership.application-submitted",
                "membership.checklist-item-ticked", "membership.checklist-item-ticked",
                "membership.checklist-item-ticked", "membership.application-approved");
        assertThat(f.journal.typesFor("proposal/" + proposal)).containsExactly("membership.proposal-opened",
                "membership.vote-cast", "membership.vote-changed", "membership.vote-cast",
                "membership.proposal-decided");
    }

    @Test
    void windowClosingWithoutQuorumRejectsAndTheOrganisationMayApplyAgain() {
        String lei = ConsortiumFixture.lei("969500QUORUM000001");
        Application app = f.applicationInVote(lei, "Bank Q", "rep-d");
        var proposal = app.proposalId().orElseThrow();
        f.consortium.governance().cast(proposal, "rep-a", VoteChoice.YES, Optional.empty());
        f.clock.advance(Duration.ofDays(7));

        assertClosed(() -> f.consortium.governance().cast(proposal, "rep-b", VoteChoice.YES, Optional.empty()));
        Application rejected = f.consortium.onboarding().get(app.id());
        assertThat(rejected.state()).isEqualTo(ApplicationState.REJECTED);
        assertThat(rejected.rejectionReasons()).singleElement().asString()
                .contains("window closed: quorum of 50% not reached (yes 1, no 0, abstain 0 of 3");
        Member member = f.consortium.members().require(Lei.of(lei));
        assertThat(member.status()).isEqualTo(MemberStatus.REMOVED);

        Application again = f.consortium.onboarding().submit(ConsortiumFixture.profile(lei, "Bank Q", "BE",
                Set.of(ConsortiumRole.PARTICIPANT)), CertificateRequest.parse("csr", TestPki.csr("CN=q")), "rep-d");
        assertThat(again.member().id()).isEqualTo(member.id());
        assertThat(again.member().jurisdiction()).isEqualTo("BE");
        assertThat(f.consortium.members().history(again.member())).extracting(StatusChange::to)
                .containsExactly(MemberStatus.APPLICANT, MemberStatus.REMOVED, MemberStatus.APPLICANT);
        assertThat(f.consortium.members().history(again.member()).get(1).changedBy()).isEqualTo("proposal:" + proposal);
    }

    @Test
    void separationOfDutiesAndRepresentationAreEnforced() {
        String lei = ConsortiumFixture.lei("969500SEPARATION01");
        Application app = f.consortium.onboarding().submit(ConsortiumFixture.profile(lei, "Bank S", "IT",
                Set.of(ConsortiumRole.PARTICIPANT)), CertificateRequest.parse("csr", TestPki.csr("CN=s")), "rep-e");
        f.consortium.roster().designate(Lei.of(lei), "rep-e", "admin-1");
        f.consortium.roster().designate(Lei.of(lei), "rep-f", "admin-1");
        f.tickAll(app.id());
        var proposal = f.consortium.onboarding().openVote(app.id(), "admin-rep").proposalId().orElseThrow();
        Governance g = f.consortium.governance();

        assertError(() -> g.cast(proposal, "rep-e", VoteChoice.YES, Optional.empty()), ErrorCode.MEMBER_SELF_APPROVAL,
                "asked for or opened");
        assertError(() -> g.cast(proposal, "rep-f", VoteChoice.YES, Optional.empty()), ErrorCode.MEMBER_SELF_APPROVAL,
                "subject of this proposal");
        assertError(() -> g.cast(proposal, "admin-rep", VoteChoice.YES, Optional.empty()),
                ErrorCode.MEMBER_SELF_APPROVAL, "asked for or opened");
        assertError(() -> g.cast(proposal, "auditor", VoteChoice.YES, Optional.empty()),
                ErrorCode.MEMBER_NOT_A_REPRESENTATIVE, "not a designated representative");
        assertError(() -> g.cast(proposal, "rep-d", VoteChoice.YES, Optional.empty()),
                ErrorCode.MEMBER_NOT_A_REPRESENTATIVE, "not a designated representative");

        // Bank C votes once through rep-c; its second representative's conditional cast sees the first
        Ballot byC = g.cast(proposal, "rep-c", VoteChoice.ABSTAIN, Optional.of(0));
        assertError(() -> g.cast(proposal, "rep-c2", VoteChoice.NO, Optional.of(0)), ErrorCode.MEMBER_BALLOT_CONFLICT,
                "revision 1, not 0");
        Ballot change = g.cast(proposal, "rep-c2", VoteChoice.NO, Optional.empty());
        assertThat(change.memberId()).isEqualTo(byC.memberId());
        assertThat(change.revision()).isEqualTo(2);
        assertThat(g.status(proposal).ballots()).hasSize(1);
        assertThat(g.status(proposal).tally().no()).isEqualTo(1);
        assertThatThrownBy(() -> g.decideAsAdministrator(proposal, "admin-2", true, "looks fine"))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.MEMBER_WRONG_DECISION_PROCEDURE));
    }

    @Test
    void checklistMustBeCompleteAndItemsAreTickedOnce() {
        String lei = ConsortiumFixture.lei("969500CHECKLIST001");
        Application app = f.consortium.onboarding().submit(ConsortiumFixture.profile(lei, "Bank K", "NL",
                Set.of(ConsortiumRole.PARTICIPANT)), CertificateRequest.parse("csr", TestPki.csr("CN=k")), "admin-1");
        Onboarding onboarding = f.consortium.onboarding();
        onboarding.tick(app.id(), "kyc", "admin-2", "passport and register extract checked", Optional.empty());
        assertError(() -> onboarding.openVote(app.id(), "admin-1"), ErrorCode.MEMBER_CHECKLIST_INCOMPLETE,
                "[sanctions-screening, legal-agreement-signed]");
        assertError(() -> onboarding.tick(app.id(), "kyc", "admin-1", "again", Optional.empty()),
                ErrorCode.MEMBER_WRONG_STATE, "already ticked by admin-2");
        assertError(() -> onboarding.tick(app.id(), "credit-check", "admin-1", "x", Optional.empty()),
                ErrorCode.API_RESOURCE_NOT_FOUND, "no checklist item 'credit-check'");
        assertThat(onboarding.get(app.id()).checklist().get(0).evidence()).contains("passport and register extract checked");

        Application rejected = onboarding.reject(app.id(), "admin-1", List.of("sanctions screening hit", "no agreement"));
        assertThat(rejected.state()).isEqualTo(ApplicationState.REJECTED);
        assertThat(rejected.rejectionReasons()).containsExactly("sanctions screening hit", "no agreement");
        assertThat(rejected.member().status()).isEqualTo(MemberStatus.REMOVED);
        assertError(() -> onboarding.tick(app.id(), "sanctions-screening", "admin-2", "x", Optional.empty()),
                ErrorCode.MEMBER_WRONG_STATE, "is rejected");
        assertError(() -> onboarding.openVote(app.id(), "admin-1"), ErrorCode.MEMBER_WRONG_STATE, "is rejected");
    }

    @Test
    void aVotingApplicationCannotBeRejectedByAnAdministrator() {
        Application app = f.applicationInVote(ConsortiumFixture.lei("969500VOTING000001"), "Bank V", "rep-d");
        assertError(() -> f.consortium.onboarding().reject(app.id(), "admin-1", List.of("changed my mind")),
                ErrorCode.MEMBER_WRONG_STATE, "is voting");
    }

    @Test
    void knownOrganisationsCannotApplyOrBeFoundedAgain() {
        assertError(() -> f.consortium.onboarding().submit(ConsortiumFixture.profile(LEI_A, "Bank A AG", "DE",
                        Set.of(ConsortiumRole.PARTICIPANT)), CertificateRequest.parse("csr", TestPki.csr("CN=a")), "rep-d"),
                ErrorCode.MEMBER_ALREADY_REGISTERED, "already active");
        assertError(() -> f.consortium.onboarding().submit(ConsortiumFixture.profile(
                        ConsortiumFixture.lei("969500FOUNDER00001"), "Bank F", "DE", Set.of(ConsortiumRole.FOUNDER)),
                CertificateRequest.parse("csr", TestPki.csr("CN=f")), "rep-d"), ErrorCode.API_INVALID_FIELD, "founder");
    }

    @Test
    void foundingClosesOnceAProposalExists() {
        f.applicationInVote(ConsortiumFixture.lei("969500FOUNDCLOSE01"), "Bank L", "rep-d");
        assertError(() -> f.consortium.roster().found(ConsortiumFixture.profile(ConsortiumFixture.lei("969500LATEFOUNDER1"),
                "Bank Late", "DE", Set.of(ConsortiumRole.FOUNDER)), "admin-1"), ErrorCode.MEMBER_FOUNDING_CLOSED, "");
    }

    @Test
    void representativesMustBeEnabledMemberUsersOfOneOrganisation() {
        Roster roster = f.consortium.roster();
        assertError(() -> roster.designate(Lei.of(LEI_A), "nobody", "admin-1"), ErrorCode.MEMBER_INVALID_REPRESENTATIVE,
                "no enabled user");
        assertError(() -> roster.designate(Lei.of(LEI_A), "auditor", "admin-1"), ErrorCode.MEMBER_INVALID_REPRESENTATIVE,
                "role 'member'");
        assertError(() -> roster.designate(Lei.of(LEI_A), "rep-c", "admin-1"), ErrorCode.MEMBER_INVALID_REPRESENTATIVE,
                "already represents");
        assertThat(f.consortium.representatives().of(f.consortium.members().require(Lei.of(LEI_C))))
                .extracting(Representative::username).containsExactly("admin-rep", "rep-c", "rep-c2");
    }

    @Test
    void aRevokedRepresentativeNoLongerVotes() {
        Roster roster = f.consortium.roster();
        roster.designate(Lei.of(LEI_A), "rep-g", "admin-1");
        var proposal = f.applicationInVote(ConsortiumFixture.lei("969500REVOKED00001"), "Bank R", "rep-d")
                .proposalId().orElseThrow();
        roster.revoke(Lei.of(LEI_A), "rep-g", "admin-1");
        assertError(() -> f.consortium.governance().cast(proposal, "rep-g", VoteChoice.YES, Optional.empty()),
                ErrorCode.MEMBER_NOT_A_REPRESENTATIVE, "rep-g");
        assertError(() -> roster.revoke(Lei.of(LEI_A), "rep-g", "admin-1"), ErrorCode.API_RESOURCE_NOT_FOUND,
                "not a representative");
        assertThat(f.consortium.representatives().of(f.consortium.members().require(Lei.of(LEI_A))))
                .extracting(Representative::username).containsExactly("rep-a");
        assertThat(f.journal.typesFor("member/" + LEI_A)).contains("membership.representative-designated",
                "membership.representative-revoked");
    }

    @Test
    void aFailingStepLeavesNothingHalfWritten() {
        String lei = ConsortiumFixture.lei("969500ATOMIC000001");
        f.db.jdbi().useHandle(h -> h.execute("""
                create function consortium.fail_for_test() returns trigger language plpgsql as $$
                begin
                  if exists (select 1 from consortium.members m where m.id = new.member_id and m.legal_name = 'Bank Fail')
                  then raise exception 'simulated failure'; end if;
                  return new;
                end $$;
                create trigger fail_for_test before insert on consortium.applications
                  for each row execute function consortium.fail_for_test();"""));
        int members = f.count("members");
        int history = f.count("member_status_history");
        int events = f.count("events");
        try {
            assertThatThrownBy(() -> f.consortium.onboarding().submit(ConsortiumFixture.profile(lei, "Bank Fail", "DE",
                    Set.of(ConsortiumRole.PARTICIPANT)), CertificateRequest.parse("csr", TestPki.csr("CN=x")), "rep-d"))
                    .hasMessageContaining("simulated failure");
        } finally {
            f.db.jdbi().useHandle(h -> h.execute("drop trigger fail_for_test on consortium.applications; "
                    + "drop function consortium.fail_for_test()"));
        }
        assertThat(f.consortium.members().find(Lei.of(lei))).isEmpty();
        assertThat(f.count("members")).isEqualTo(members);
        assertThat(f.count("member_status_history")).isEqualTo(history);
        assertThat(f.count("events")).isEqualTo(events);
    }

    @Test
    void eventsWaitInTheOutboxWhileTheJournalIsDownAndAreJournaledOnceLater() {
        f.journal.setAvailable(false);
        Application app;
        try {
            app = f.consortium.onboarding().submit(ConsortiumFixture.profile(ConsortiumFixture.lei("969500OUTBOX000001"),
                    "Bank O", "AT", Set.of(ConsortiumRole.PARTICIPANT)), CertificateRequest.parse("csr",
                    TestPki.csr("CN=o")), "rep-d");
            assertThat(f.consortium.relay().pendingCount()).isPositive();
            assertThat(f.journal.typesFor("application/" + app.id())).isEmpty();
        } finally {
            f.journal.setAvailable(true);
        }
        assertThat(f.consortium.relay().deliverPending()).isPositive();
        assertThat(f.consortium.relay().pendingCount()).isZero();
        assertThat(f.consortium.relay().deliverPending()).isZero();
        assertThat(f.journal.typesFor("application/" + app.id())).containsExactly("membership.application-submitted");
        assertThat(f.journal.events()).extracting(e -> e.idempotencyKey().orElseThrow()).doesNotHaveDuplicates()
                .allMatch(k -> k.startsWith("consortium-event-"));
    }

    private static void assertClosed(ThrowingCallable call) {
        assertError(call, ErrorCode.MEMBER_VOTING_CLOSED, "closed");
    }

    static void assertError(ThrowingCallable call, ErrorCode code, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(code);
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
