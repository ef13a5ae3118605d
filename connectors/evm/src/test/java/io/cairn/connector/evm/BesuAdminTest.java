package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request shapes of the Besu administration calls, checked against a recording JSON-RPC stub. */
class BesuAdminTest {

    private static final String VALIDATOR = "0x1234567890abcdef1234567890abcdef12345678";
    private static final String ENODE = "enode://" + "ab".repeat(64) + "@10.0.0.7:30303";

    private RecordingJsonRpcStub stub;
    private BesuAdmin admin;

    @BeforeEach
    void start() throws IOException {
        stub = new RecordingJsonRpcStub();
        admin = BesuAdmin.open(stub.url(), Map.of("Authorization", "Bearer admin-token"), Optional.empty(),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        admin.close();
        stub.close();
    }

    @Test
    void qbftVoteSendsAddressAndDirection() {
        stub.answer("qbft_proposeValidatorVote", true);

        admin.proposeValidatorVote(BftProtocol.QBFT, VALIDATOR, true);

        assertThat(stub.last().method()).isEqualTo("qbft_proposeValidatorVote");
        assertThat(stub.last().params().toString()).isEqualTo("[\"" + VALIDATOR + "\",true]");
    }

    @Test
    void ibftRemovalVoteUsesTheIbftNamespace() {
        stub.answer("ibft_proposeValidatorVote", true);

        admin.proposeValidatorVote(BftProtocol.IBFT2, VALIDATOR, false);

        assertThat(stub.last().method()).isEqualTo("ibft_proposeValidatorVote");
        assertThat(stub.last().params().toString()).isEqualTo("[\"" + VALIDATOR + "\",false]");
    }

    @Test
    void discardAndGettersHaveTheirShapes() {
        stub.answer("qbft_discardValidatorVote", true)
                .answer("qbft_getValidatorsByBlockNumber", List.of(VALIDATOR))
                .answer("qbft_getPendingVotes", Map.of(VALIDATOR, true));

        admin.discardValidatorVote(BftProtocol.QBFT, VALIDATOR);
        assertThat(stub.last().params().toString()).isEqualTo("[\"" + VALIDATOR + "\"]");
        assertThat(admin.validators(BftProtocol.QBFT)).containsExactly(VALIDATOR);
        assertThat(stub.last().params().toString()).isEqualTo("[\"latest\"]");
        assertThat(admin.pendingVotes(BftProtocol.QBFT)).containsEntry(VALIDATOR, true);
        assertThat(stub.last().params().toString()).isEqualTo("[]");
    }

    @Test
    void cliqueCallsHaveTheirShapes() {
        stub.answer("clique_propose", true).answer("clique_discard", true)
                .answer("clique_getSigners", List.of(VALIDATOR)).answer("clique_proposals", Map.of(VALIDATOR, false));

        admin.proposeCliqueSigner(VALIDATOR, true);
        assertThat(stub.last().method()).isEqualTo("clique_propose");
        assertThat(stub.last().params().toString()).isEqualTo("[\"" + VALIDATOR + "\",true]");
        admin.discardCliqueVote(VALIDATOR);
        assertThat(stub.last().method()).isEqualTo("clique_discard");
        assertThat(admin.cliqueSigners()).containsExactly(VALIDATOR);
        assertThat(stub.last().params().toString()).isEqualTo("[\"latest\"]");
        assertThat(admin.cliqueProposals()).containsEntry(VALIDATOR, false);
    }

    @Test
    void allowlistChangesSendOneListParameter() {
        stub.answer("perm_addAccountsToAllowlist", "Success").answer("perm_removeAccountsFromAllowlist", "Success")
                .answer("perm_addNodesToAllowlist", "Success").answer("perm_removeNodesFromAllowlist", "Success");

        admin.addAccountsToAllowlist(List.of(VALIDATOR));
        assertThat(stub.last().params().toString()).isEqualTo("[[\"" + VALIDATOR + "\"]]");
        admin.removeAccountsFromAllowlist(List.of(VALIDATOR));
        assertThat(stub.last().method()).isEqualTo("perm_removeAccountsFromAllowlist");
        admin.addNodesToAllowlist(List.of(ENODE));
        assertThat(stub.last().params().toString()).isEqualTo("[[\"" + ENODE + "\"]]");
        admin.removeNodesFromAllowlist(List.of(ENODE));
        assertThat(stub.last().method()).isEqualTo("perm_removeNodesFromAllowlist");
    }

    @Test
    void allowlistGettersReturnTheNodesAnswer() {
        stub.answer("perm_getAccountsAllowlist", List.of(VALIDATOR)).answer("perm_getNodesAllowlist", List.of(ENODE));

        assertThat(admin.accountsAllowlist()).containsExactly(VALIDATOR);
        assertThat(admin.nodesAllowlist()).containsExactly(ENODE);
    }

    @Test
    void everyCallCarriesTheConfiguredAuthHeader() {
        stub.answer("perm_getAccountsAllowlist", List.of());

        admin.accountsAllowlist();

        assertThat(stub.last().headers().get("Authorization")).containsExactly("Bearer admin-token");
    }

    @Test
    void aNodeErrorBecomesAnAdminFailure() {
        stub.fail("perm_addAccountsToAllowlist", "Accounts allowlist not enabled");

        assertThatThrownBy(() -> admin.addAccountsToAllowlist(List.of(VALIDATOR)))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_ADMIN_CALL_FAILED);
                    assertThat(e.getMessage()).contains("Accounts allowlist not enabled");
                });
    }

    @Test
    void aRefusedVoteIsAFailure() {
        stub.answer("qbft_proposeValidatorVote", false);

        assertThatThrownBy(() -> admin.proposeValidatorVote(BftProtocol.QBFT, VALIDATOR, true))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_ADMIN_CALL_FAILED));
    }

    @Test
    void malformedAddressesAndEnodesAreRejectedBeforeSending() {
        assertThatThrownBy(() -> admin.proposeCliqueSigner("0x1234", true)).isInstanceOf(CairnException.class);
        assertThatThrownBy(() -> admin.addNodesToAllowlist(List.of("enode://nothex@1.2.3.4:1")))
                .isInstanceOf(CairnException.class);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anUnreachableNodeIsReportedAsSuch() throws IOException {
        try (BesuAdmin dead = BesuAdmin.open(java.net.URI.create("http://127.0.0.1:" + AnvilNode.freePort()),
                Map.of(), Optional.empty(), Duration.ofSeconds(2))) {
            assertThatThrownBy(dead::cliqueSigners).isInstanceOfSatisfying(CairnException.class,
                    e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_UNREACHABLE));
        }
    }
}
