package io.cairn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ledger provisioning on a real PostgreSQL with two recording provisioners ({@code evm-test} and
 * {@code fabric-test}): plans made on approval and on offboarding decisions, steps run strictly in order, retries
 * with backoff, manual steps and overrides with separation of duties, the member active at the end. Each test
 * starts from the three founding members again.
 */
@Tag("integration")
class ProvisioningWorkflowTest {
    private static final String ACCOUNT = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    private static final String ACCOUNT_CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    @TempDir
    static Path dir;
    static ConsortiumFixture f;
    static final RecordingProvisioner EVM = new RecordingProvisioner("evm-test");
    static final RecordingProvisioner FABRIC = new RecordingProvisioner("fabric-test");

    @BeforeAll
    static void start() {
        f = new ConsortiumFixture(dir, List.of(EVM, FABRIC));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void freshConsortium() {
        f.reset().founded();
        EVM.clear();
        FABRIC.clear();
    }

    @Test
    void approvalPlansEveryLedgerAndTheRunnerActivatesTheMemberAfterTheLastStep() {
        Application approved = admit("969500PROVISION001", "Bank P", Set.of(ConsortiumRole.VALIDATOR), "rep-d");
        assertThat(approved.state()).isEqualTo(ApplicationState.APPROVED_PENDING_PROVISIONING);
        assertThat(approved.member().status()).isEqualTo(MemberStatus.APPLICANT);
        ProvisioningPlan plan = f.consortium.provisioning().applicationPlan(approved.id());
        assertThat(plan.steps()).extracting(s -> s.step().ledger() + ":" + s.step().action()).containsExactly(
                "evm-test:allowlist.add", "evm-test:validator.add", "fabric-test:allowlist.add",
                "fabric-test:validator.add");
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.PENDING));
        assertThat(plan.steps().getFirst().step().parameter("accounts")).containsExactly(ACCOUNT_CHECKSUMMED);

        assertThat(f.consortium.provisioningRunner().runDue()).isEqualTo(4);

        assertThat(EVM.executed()).containsExactly("evm-test:allowlist.add", "evm-test:validator.add");
        assertThat(FABRIC.executed()).containsExactly("fabric-test:allowlist.add", "fabric-test:validator.add");
        Application done = f.consortium.onboarding().get(approved.id());
        assertThat(done.state()).isEqualTo(ApplicationState.PROVISIONED);
        assertThat(done.member().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(done.provisioningPlan().orElseThrow().complete()).isTrue();
        assertThat(f.journal.typesFor("application/" + approved.id())).containsSubsequence(
                "membership.application-approved", "membership.provisioning-planned",
                "membership.provisioning-step-changed", "membership.provisioning-completed",
                "membership.application-provisioned");
        assertThat(f.journal.typesFor("member/" + done.member().lei())).contains("membership.member-status-changed");
        assertThat(f.consortium.provisioningRunner().runDue()).isZero();
    }

    @Test
    void retryableFailuresBackOffAndLaterStepsWaitForEarlierOnes() {
        EVM.script("allowlist.add", StepOutcome.failed("node unreachable", true), StepOutcome.failed("timeout", true));
        Application approved = admit("969500PROVISION002", "Bank R", Set.of(ConsortiumRole.PARTICIPANT), "rep-d");
        Instant start = f.clock.instant();

        assertThat(f.consortium.provisioningRunner().runDue()).isEqualTo(1);
        ProvisioningStep first = step(approved, 0);
        assertThat(first.status()).isEqualTo(StepStatus.FAILED);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("node unreachable");
        assertThat(first.nextAttemptAt()).contains(start.plus(Duration.ofMinutes(1)));
        assertThat(step(approved, 1).status()).isEqualTo(StepStatus.PENDING);
        assertThat(FABRIC.executed()).isEmpty();

        f.clock.advance(Duration.ofSeconds(59));
        assertThat(f.consortium.provisioningRunner().runDue()).isZero();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.consortium.provisioningRunner().runDue()).isEqualTo(1);
        assertThat(step(approved, 0).nextAttemptAt()).contains(f.clock.instant().plus(Duration.ofMinutes(2)));

        f.clock.advance(Duration.ofMinutes(2));
        assertThat(f.consortium.provisioningRunner().runDue()).isEqualTo(2);
        assertThat(step(approved, 0).attempts()).isEqualTo(3);
        assertThat(EVM.executed()).hasSize(3);
        assertThat(f.consortium.onboarding().get(approved.id()).member().status()).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void afterTheLastAttemptAFailureWaitsForAnAdministratorsRetry() {
        StepOutcome down = StepOutcome.failed("node unreachable", true);
        EVM.script("allowlist.add", down, down, down, down);
        Application approved = admit("969500PROVISION003", "Bank T", Set.of(ConsortiumRole.PARTICIPANT), "rep-d");
        for (int i = 0; i < 4; i++) {
            f.consortium.provisioningRunner().runDue();
            f.clock.advance(Duration.ofMinutes(8));
        }
        ProvisioningStep gaveUp = step(approved, 0);
        assertThat(gaveUp.attempts()).isEqualTo(4);
        assertThat(gaveUp.status()).isEqualTo(StepStatus.FAILED);
        assertThat(gaveUp.nextAttemptAt()).isEmpty();
        f.clock.advance(Duration.ofDays(1));
        assertThat(f.consortium.provisioningRunner().runDue()).isZero();

        assertError(() -> f.consortium.provisioning().retry(approved.id(), step(approved, 1).id(), "admin-2"),
                ErrorCode.MEMBER_WRONG_STATE, "only a step that is failed or manual");
        assertThat(f.consortium.provisioning().retry(approved.id(), gaveUp.id(), "admin-2").status())
                .isEqualTo(StepStatus.PENDING);
        assertThat(f.consortium.provisioningRunner().runDue()).isEqualTo(2);
        assertThat(f.consortium.onboarding().get(approved.id()).state()).isEqualTo(ApplicationState.PROVISIONED);
    }

    @Test
    void aManualStepIsOverriddenWithEvidenceByAnotherAdministrator() {
        FABRIC.script("allowlist.add", StepOutcome.manual("have Org1 and Org2 admins sign the channel update"));
        Application approved = admit("969500PROVISION004", "Bank M", Set.of(ConsortiumRole.PARTICIPANT), "admin-1");
        f.consortium.provisioningRunner().runDue();
        ProvisioningStep manual = step(approved, 1);
        assertThat(manual.status()).isEqualTo(StepStatus.MANUAL);
        assertThat(manual.instructions()).contains("have Org1 and Org2 admins sign the channel update");
        assertThat(f.consortium.onboarding().get(approved.id()).member().status()).isEqualTo(MemberStatus.APPLICANT);

        assertError(() -> f.consortium.provisioning().override(approved.id(), manual.id(), "admin-1", "signed",
                Optional.empty()), ErrorCode.MEMBER_SELF_APPROVAL, "asked for this decision");
        f.consortium.roster().designate(approved.member().lei(), "rep-g", "admin-2");
        assertError(() -> f.consortium.provisioning().override(approved.id(), manual.id(), "rep-g", "signed",
                Optional.empty()), ErrorCode.MEMBER_SELF_APPROVAL, "represents the organisation concerned");
        assertError(() -> f.consortium.provisioning().override(UUID.randomUUID(), manual.id(), "admin-2", "signed",
                Optional.empty()), ErrorCode.API_RESOURCE_NOT_FOUND, "no provisioning step");
        assertError(() -> f.consortium.provisioning().override(approved.id(), step(approved, 0).id(), "admin-2",
                "signed", Optional.empty()), ErrorCode.MEMBER_WRONG_STATE, "is done");

        ProvisioningStep overridden = f.consortium.provisioning().override(approved.id(), manual.id(), "admin-2",
                "channel update signed by Org1 and Org2 admins", Optional.of("CHG-4711"));
        assertThat(overridden.status()).isEqualTo(StepStatus.OVERRIDDEN);
        assertThat(overridden.override()).hasValueSatisfying(o -> {
            assertThat(o.by()).isEqualTo("admin-2");
            assertThat(o.reference()).contains("CHG-4711");
        });
        Application done = f.consortium.onboarding().get(approved.id());
        assertThat(done.state()).isEqualTo(ApplicationState.PROVISIONED);
        assertThat(done.member().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(f.journal.events()).filteredOn(e -> e.type().equals("membership.provisioning-step-changed")
                && "overridden".equals(e.attributes().get("to"))).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("admin-2"))
                .satisfies(e -> assertThat(e.attributes()).containsEntry("reference", "CHG-4711"));
    }

    @Test
    void anAdmissionWithNothingToProvisionMakesTheMemberActiveAtOnce() {
        Application app = f.applicationInVote(ConsortiumFixture.lei("969500PROVISION005"), "Bank N", "rep-d");
        approve(app);
        Application done = f.consortium.onboarding().get(app.id());
        assertThat(done.state()).isEqualTo(ApplicationState.PROVISIONED);
        assertThat(done.member().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(done.provisioningPlan().orElseThrow().steps()).isEmpty();
    }

    @Test
    void suspensionReinstatementAndRemovalPlanTheLedgerSideWhileTheStatusChangesAtOnce() {
        Application admitted = admit("969500PROVISION006", "Bank O", Set.of(ConsortiumRole.VALIDATOR), "rep-d");
        f.consortium.provisioningRunner().runDue();
        Lei lei = admitted.member().lei();

        decide(ProposalKind.SUSPEND_MEMBER, lei);
        assertThat(f.consortium.members().require(lei).status()).isEqualTo(MemberStatus.SUSPENDED);
        decide(ProposalKind.REINSTATE_MEMBER, lei);
        assertThat(f.consortium.members().require(lei).status()).isEqualTo(MemberStatus.ACTIVE);
        decide(ProposalKind.REMOVE_MEMBER, lei);
        assertThat(f.consortium.members().require(lei).status()).isEqualTo(MemberStatus.REMOVED);

        List<ProvisioningPlan> plans = f.consortium.provisioning().memberPlans(lei);
        assertThat(plans).extracting(ProvisioningPlan::purpose).containsExactly(ProvisioningPurpose.ADMIT,
                ProvisioningPurpose.SUSPEND, ProvisioningPurpose.REINSTATE, ProvisioningPurpose.REMOVE);
        assertThat(plans.get(3).steps()).extracting(s -> s.step().action())
                .containsExactly("allowlist.remove", "validator.remove", "allowlist.remove", "validator.remove");
        assertThat(plans.subList(1, 4)).noneMatch(ProvisioningPlan::complete);

        EVM.clear();
        FABRIC.clear();
        assertThat(f.consortium.provisioningRunner().runDue()).isEqualTo(8);
        assertThat(EVM.executed()).containsExactly("evm-test:allowlist.remove", "evm-test:allowlist.add",
                "evm-test:allowlist.remove", "evm-test:validator.remove");
        assertThat(f.consortium.provisioning().memberPlans(lei)).allMatch(ProvisioningPlan::complete);
        assertThat(f.consortium.members().require(lei).status()).isEqualTo(MemberStatus.REMOVED);
        assertThat(f.journal.events()).filteredOn(e -> e.type().equals("membership.provisioning-planned"))
                .extracting(e -> e.attributes().get("purpose")).contains("suspend", "reinstate", "remove");
    }

    @Test
    void anAdmissionApprovedBeforeProvisioningWasWiredIsPlannedAtTheNextRun() {
        Consortium unwired = new Consortium(f.db.jdbi(), u -> Optional.ofNullable(ConsortiumFixture.USERS.get(u)),
                Optional.of(f.journal), new MembershipSettings(List.of("kyc", "sanctions-screening",
                "legal-agreement-signed"), new PolicyTerms(DecisionRule.MAJORITY, 50, Duration.ofDays(7))), f.clock);
        Consortium wired = f.consortium;
        f.consortium = unwired;
        Application approved;
        try {
            approved = admit("969500PROVISION008", "Bank W", Set.of(ConsortiumRole.PARTICIPANT), "rep-d");
        } finally {
            f.consortium = wired;
        }
        assertThat(approved.state()).isEqualTo(ApplicationState.APPROVED_PENDING_PROVISIONING);
        assertThat(approved.provisioningPlan().orElseThrow().steps()).isEmpty();

        assertThat(wired.provisioningRunner().runDue()).isEqualTo(2);
        assertThat(EVM.executed()).containsExactly("evm-test:allowlist.add");
        Application done = wired.onboarding().get(approved.id());
        assertThat(done.state()).isEqualTo(ApplicationState.PROVISIONED);
        assertThat(done.member().status()).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void aStepLeftRunningByAStoppedRunnerIsTakenUpAfterTheTimeout() {
        Application approved = admit("969500PROVISION009", "Bank K", Set.of(ConsortiumRole.PARTICIPANT), "rep-d");
        f.db.jdbi().useHandle(h -> h.createUpdate("update consortium.provisioning_steps set status = 'running', "
                + "attempts = 1, updated_at = :at where plan_id = :p and position = 0")
                .bind("at", java.sql.Timestamp.from(f.clock.instant())).bind("p", approved.id()).execute());
        assertError(() -> f.consortium.provisioning().override(approved.id(), step(approved, 0).id(), "admin-2",
                "done by hand", Optional.empty()), ErrorCode.MEMBER_WRONG_STATE, "is running");

        f.clock.advance(Duration.ofMinutes(14));
        assertThat(f.consortium.provisioningRunner().runDue()).isZero();
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(f.consortium.provisioningRunner().runDue()).isEqualTo(2);
        assertThat(step(approved, 0).attempts()).isEqualTo(2);
        assertThat(f.consortium.onboarding().get(approved.id()).state()).isEqualTo(ApplicationState.PROVISIONED);
    }

    @Test
    void aStepOfAnUnregisteredLedgerFailsForGood() {
        Application approved = admit("969500PROVISION007", "Bank U", Set.of(ConsortiumRole.PARTICIPANT), "rep-d");
        f.db.jdbi().useHandle(h -> h.createUpdate("update consortium.provisioning_steps set ledger = 'gone' "
                + "where plan_id = :p and position = 0").bind("p", approved.id()).execute());
        f.consortium.provisioningRunner().runDue();
        ProvisioningStep failed = step(approved, 0);
        assertThat(failed.status()).isEqualTo(StepStatus.FAILED);
        assertThat(failed.nextAttemptAt()).isEmpty();
        assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("no provisioner is registered"));
    }

    private static Application admit(String leiBase, String name, Set<ConsortiumRole> roles, String submitter) {
        MemberProfile base = ConsortiumFixture.profile(ConsortiumFixture.lei(leiBase), name, "FR", roles);
        MemberProfile profile = new MemberProfile(base.lei(), base.legalName(), base.jurisdiction(), base.contacts(),
                base.roles(), new LedgerIdentities(List.of(ACCOUNT), List.of(), Optional.empty(), Optional.empty()));
        Application app = f.consortium.onboarding().submit(profile,
                CertificateRequest.parse("csr", TestPki.csr("CN=" + name + ", O=" + name)), submitter);
        f.tickAll(app.id());
        return approve(f.consortium.onboarding().openVote(app.id(), "admin-2"));
    }

    private static Application approve(Application voting) {
        UUID proposal = voting.proposalId().orElseThrow();
        f.consortium.governance().cast(proposal, "rep-a", VoteChoice.YES, Optional.empty());
        f.consortium.governance().cast(proposal, "rep-b", VoteChoice.YES, Optional.empty());
        return f.consortium.onboarding().get(voting.id());
    }

    private static void decide(ProposalKind kind, Lei lei) {
        Proposal p = f.consortium.governance().proposeStatusChange(kind, lei, "admin-1", kind.label() + " " + lei);
        f.consortium.governance().cast(p.id(), "rep-a", VoteChoice.YES, Optional.empty());
        f.consortium.governance().cast(p.id(), "rep-b", VoteChoice.YES, Optional.empty());
        assertThat(f.consortium.governance().status(p.id()).proposal().state()).isEqualTo("approved");
    }

    private static ProvisioningStep step(Application application, int position) {
        return f.consortium.provisioning().applicationPlan(application.id()).steps().get(position);
    }

    private static void assertError(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(code)).hasMessageContaining(message);
    }
}
