package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.membership.ConsortiumRole;
import io.cairn.membership.LedgerIdentities;
import io.cairn.membership.Lei;
import io.cairn.membership.Member;
import io.cairn.membership.MemberStatus;
import io.cairn.membership.PlannedStep;
import io.cairn.membership.ProvisioningPurpose;
import io.cairn.membership.StepOutcome;
import io.cairn.provisioning.besu.BesuProvisioner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BesuProvisioner} against the EVM connector's recording JSON-RPC stub, a stand-in for a Besu node (no
 * Besu runs here without Docker): the plans per purpose and role, and the exact {@code perm_*} and
 * {@code qbft_*} calls each step makes. It lives in the connector's package to use the stub.
 */
class BesuProvisionerRecordingStubTest {
    private static final String ACCOUNT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private static final String OTHER_ACCOUNT = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    /** The enode of private key 1: its public key is the secp256k1 generator. */
    private static final String ENODE = "enode://79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8@10.0.0.7:30303";
    /** The address of private key 1, a published value. */
    private static final String VALIDATOR = "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf";

    private RecordingJsonRpcStub stub;
    private BesuAdmin admin;
    private BesuProvisioner provisioner;

    @BeforeEach
    void start() throws IOException {
        stub = new RecordingJsonRpcStub();
        admin = BesuAdmin.open(stub.url(), Map.of(), Optional.empty(), Duration.ofSeconds(5));
        provisioner = new BesuProvisioner("besu-main", admin, Optional.of(BftProtocol.QBFT));
    }

    @AfterEach
    void stop() {
        admin.close();
        stub.close();
    }

    @Test
    void admissionOfAValidatorAllowsItsAccountsAndNodesThenVotesItsNodeIn() {
        List<PlannedStep> plan = provisioner.plan(member(ConsortiumRole.VALIDATOR), ProvisioningPurpose.ADMIT);

        assertThat(plan).extracting(PlannedStep::action).containsExactly("besu.account-allowlist.add",
                "besu.node-allowlist.add", "besu.validator-vote.add");
        assertThat(plan).allSatisfy(s -> assertThat(s.ledger()).isEqualTo("besu-main"));
        assertThat(plan.get(0).parameter("accounts")).containsExactly(ACCOUNT);
        assertThat(plan.get(1).parameter("enodes")).containsExactly(ENODE);
        assertThat(plan.get(2).parameter("validators")).containsExactly(VALIDATOR);
    }

    @Test
    void removalVotesTheValidatorOutFirstAndSuspensionOnlyTouchesTheAllowlists() {
        assertThat(provisioner.plan(member(ConsortiumRole.VALIDATOR), ProvisioningPurpose.REMOVE))
                .extracting(PlannedStep::action).containsExactly("besu.validator-vote.remove",
                        "besu.account-allowlist.remove", "besu.node-allowlist.remove");
        assertThat(provisioner.plan(member(ConsortiumRole.VALIDATOR), ProvisioningPurpose.SUSPEND))
                .extracting(PlannedStep::action).containsExactly("besu.account-allowlist.remove",
                        "besu.node-allowlist.remove");
        assertThat(provisioner.plan(member(ConsortiumRole.VALIDATOR), ProvisioningPurpose.REINSTATE))
                .extracting(PlannedStep::action).containsExactly("besu.account-allowlist.add",
                        "besu.node-allowlist.add");
        assertThat(provisioner.plan(member(ConsortiumRole.PARTICIPANT), ProvisioningPurpose.ADMIT))
                .extracting(PlannedStep::action).doesNotContain("besu.validator-vote.add");
        assertThat(new BesuProvisioner("besu-main", admin, Optional.empty()).plan(member(ConsortiumRole.VALIDATOR),
                ProvisioningPurpose.ADMIT)).extracting(PlannedStep::action).doesNotContain("besu.validator-vote.add");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void accountAllowlistStepAddsOnlyTheMissingAccounts() {
        stub.answer("perm_getAccountsAllowlist", List.of(OTHER_ACCOUNT.toLowerCase(java.util.Locale.ROOT)))
                .answer("perm_addAccountsToAllowlist", "Success");
        PlannedStep step = new PlannedStep("besu-main", "besu.account-allowlist.add", "add",
                Map.of("accounts", List.of(ACCOUNT, OTHER_ACCOUNT)));

        assertThat(provisioner.execute(step)).isEqualTo(StepOutcome.done());

        assertThat(stub.requests()).extracting(RecordingJsonRpcStub.Recorded::method)
                .containsExactly("perm_getAccountsAllowlist", "perm_addAccountsToAllowlist");
        assertThat(stub.last().params().toString()).isEqualTo("[[\"" + ACCOUNT + "\"]]");
    }

    @Test
    void executingAnAllowlistStepAgainChangesNothing() {
        stub.answer("perm_getNodesAllowlist", List.of(ENODE)).answer("perm_getAccountsAllowlist", List.of());
        PlannedStep nodes = provisioner.plan(member(ConsortiumRole.PARTICIPANT), ProvisioningPurpose.ADMIT).get(1);
        PlannedStep accounts = provisioner.plan(member(ConsortiumRole.PARTICIPANT), ProvisioningPurpose.REMOVE).get(0);

        assertThat(provisioner.execute(nodes)).isEqualTo(StepOutcome.done());
        assertThat(provisioner.execute(accounts)).isEqualTo(StepOutcome.done());

        assertThat(stub.requests()).extracting(RecordingJsonRpcStub.Recorded::method)
                .containsExactly("perm_getNodesAllowlist", "perm_getAccountsAllowlist");
    }

    @Test
    void nodeAllowlistRemovalSendsTheEnode() {
        stub.answer("perm_getNodesAllowlist", List.of(ENODE)).answer("perm_removeNodesFromAllowlist", "Success");
        PlannedStep step = provisioner.plan(member(ConsortiumRole.PARTICIPANT), ProvisioningPurpose.SUSPEND).get(1);

        assertThat(provisioner.execute(step)).isEqualTo(StepOutcome.done());
        assertThat(stub.last().method()).isEqualTo("perm_removeNodesFromAllowlist");
        assertThat(stub.last().params().toString()).isEqualTo("[[\"" + ENODE + "\"]]");
    }

    @Test
    void validatorStepProposesTheVoteOnceAndIsDoneWhenTheValidatorSetAgrees() {
        PlannedStep vote = provisioner.plan(member(ConsortiumRole.VALIDATOR), ProvisioningPurpose.ADMIT).get(2);
        stub.answer("qbft_getValidatorsByBlockNumber", List.of("0x1234567890abcdef1234567890abcdef12345678"))
                .answer("qbft_getPendingVotes", Map.of()).answer("qbft_proposeValidatorVote", true);

        StepOutcome first = provisioner.execute(vote);
        assertThat(first).isInstanceOfSatisfying(StepOutcome.Failed.class, f -> {
            assertThat(f.retryable()).isTrue();
            assertThat(f.reason()).contains("waiting until a majority of validators");
        });
        assertThat(stub.last().method()).isEqualTo("qbft_proposeValidatorVote");
        assertThat(stub.last().params().toString()).isEqualTo("[\"" + VALIDATOR + "\",true]");

        stub.answer("qbft_getPendingVotes", Map.of(VALIDATOR, true));
        int before = stub.requests().size();
        assertThat(provisioner.execute(vote)).isInstanceOf(StepOutcome.Failed.class);
        assertThat(stub.requests().subList(before, stub.requests().size()))
                .extracting(RecordingJsonRpcStub.Recorded::method)
                .containsExactly("qbft_getValidatorsByBlockNumber", "qbft_getPendingVotes");

        stub.answer("qbft_getValidatorsByBlockNumber", List.of(VALIDATOR));
        assertThat(provisioner.execute(vote)).isEqualTo(StepOutcome.done());
    }

    @Test
    void aRefusedCallFailsForGoodAndAnUnreachableNodeIsRetried() throws IOException {
        stub.answer("perm_getAccountsAllowlist", List.of()).fail("perm_addAccountsToAllowlist", "PERM API not enabled");
        PlannedStep step = provisioner.plan(member(ConsortiumRole.PARTICIPANT), ProvisioningPurpose.ADMIT).get(0);

        assertThat(provisioner.execute(step)).isInstanceOfSatisfying(StepOutcome.Failed.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.reason()).contains("perm_addAccountsToAllowlist failed", "PERM API not enabled");
        });

        stub.close();
        assertThat(provisioner.execute(step)).isInstanceOfSatisfying(StepOutcome.Failed.class,
                f -> assertThat(f.retryable()).isTrue());
    }

    private static Member member(ConsortiumRole role) {
        return new Member(UUID.randomUUID(), Lei.of("506700GE1G29325QX363"), "Bank V AG", "DE", List.of(),
                Set.of(role), new LedgerIdentities(List.of(ACCOUNT), List.of(ENODE), Optional.empty(), Optional.empty()),
                MemberStatus.ACTIVE, Instant.parse("2026-03-02T09:00:00Z"), "admin-1");
    }
}
