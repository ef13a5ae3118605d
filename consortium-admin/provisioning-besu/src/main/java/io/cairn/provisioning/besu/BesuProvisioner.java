package io.cairn.provisioning.besu;

import io.cairn.connector.evm.BesuAdmin;
import io.cairn.connector.evm.BftProtocol;
import io.cairn.connector.evm.EvmLedgerConfig;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.membership.ConsortiumRole;
import io.cairn.membership.LedgerProvisioner;
import io.cairn.membership.Member;
import io.cairn.membership.PlannedStep;
import io.cairn.membership.ProvisioningPurpose;
import io.cairn.membership.StepOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provisions members on one Besu network through {@link BesuAdmin}:
 * <ul>
 *   <li>admission: the member's accounts onto the account allowlist, its enodes onto the node allowlist, and for a
 *   member with the {@code validator} role a vote to add each of its nodes as a validator;</li>
 *   <li>suspension: accounts and enodes off the allowlists; reinstatement: back on;</li>
 *   <li>removal: a vote to remove its validators first (while its nodes can still take part), then accounts and
 *   enodes off the allowlists.</li>
 * </ul>
 * Allowlist steps read the list first and change only what differs, so executing a step again is harmless. A
 * validator step proposes this node's vote (unless it is already pending) and is done once the validator set at
 * the latest block agrees; until then it answers a retryable failure, so the runner re-checks with backoff. Node
 * unreachable: retryable; a call the node refuses (API not enabled, invalid value): failed for good.
 */
public final class BesuProvisioner implements LedgerProvisioner, AutoCloseable {
    static final String ACCOUNTS_ADD = "besu.account-allowlist.add";
    static final String ACCOUNTS_REMOVE = "besu.account-allowlist.remove";
    static final String NODES_ADD = "besu.node-allowlist.add";
    static final String NODES_REMOVE = "besu.node-allowlist.remove";
    static final String VALIDATOR_ADD = "besu.validator-vote.add";
    static final String VALIDATOR_REMOVE = "besu.validator-vote.remove";

    private final String ledger;
    private final BesuAdmin admin;
    private final Optional<BftProtocol> validatorVotes;

    /**
     * Creates the provisioner.
     *
     * @param ledger         the ledger's name among the registered provisioners (its ledger id)
     * @param admin          a client of a Besu node with the {@code PERM} API (and {@code QBFT}/{@code IBFT} for votes)
     * @param validatorVotes the protocol of validator votes; empty for a network whose validator set this appliance
     *                       does not vote on (then no validator step is planned)
     */
    public BesuProvisioner(String ledger, BesuAdmin admin, Optional<BftProtocol> validatorVotes) {
        this.ledger = ledger;
        this.admin = admin;
        this.validatorVotes = validatorVotes;
    }

    /** A provisioner for a registered EVM ledger, talking to the node of its configuration. */
    public static BesuProvisioner of(EvmLedgerConfig config, Optional<BftProtocol> validatorVotes) {
        return new BesuProvisioner(config.ledgerId(), BesuAdmin.open(config), validatorVotes);
    }

    /** Closes the node client. */
    @Override
    public void close() {
        admin.close();
    }

    @Override
    public String ledger() {
        return ledger;
    }

    @Override
    public List<PlannedStep> plan(Member member, ProvisioningPurpose purpose) {
        List<String> accounts = member.ledgerIdentities().ethereumAccounts();
        List<String> enodes = member.ledgerIdentities().enodes();
        boolean add = purpose == ProvisioningPurpose.ADMIT || purpose == ProvisioningPurpose.REINSTATE;
        List<PlannedStep> steps = new ArrayList<>();
        List<String> validators = validatorVotes.isPresent() && member.roles().contains(ConsortiumRole.VALIDATOR)
                ? enodes.stream().map(ValidatorAddress::ofEnode).toList() : List.of();
        if (purpose == ProvisioningPurpose.REMOVE && !validators.isEmpty()) {
            steps.add(step(VALIDATOR_REMOVE, "vote to remove validators " + validators, "validators", validators));
        }
        if (!accounts.isEmpty()) {
            steps.add(step(add ? ACCOUNTS_ADD : ACCOUNTS_REMOVE, (add ? "add " : "remove ") + accounts
                    + (add ? " to" : " from") + " the account allowlist", "accounts", accounts));
        }
        if (!enodes.isEmpty()) {
            steps.add(step(add ? NODES_ADD : NODES_REMOVE, (add ? "add " : "remove ") + enodes.size()
                    + " enode(s)" + (add ? " to" : " from") + " the node allowlist", "enodes", enodes));
        }
        if (purpose == ProvisioningPurpose.ADMIT && !validators.isEmpty()) {
            steps.add(step(VALIDATOR_ADD, "vote to add validators " + validators, "validators", validators));
        }
        return steps;
    }

    private PlannedStep step(String action, String description, String parameter, List<String> values) {
        return new PlannedStep(ledger, action, description, Map.of(parameter, values));
    }

    @Override
    public StepOutcome execute(PlannedStep step) {
        try {
            return switch (step.action()) {
                case ACCOUNTS_ADD -> allowlist(step.parameter("accounts"), admin.accountsAllowlist(), true,
                        admin::addAccountsToAllowlist);
                case ACCOUNTS_REMOVE -> allowlist(step.parameter("accounts"), admin.accountsAllowlist(), false,
                        admin::removeAccountsFromAllowlist);
                case NODES_ADD -> allowlist(step.parameter("enodes"), admin.nodesAllowlist(), true,
                        admin::addNodesToAllowlist);
                case NODES_REMOVE -> allowlist(step.parameter("enodes"), admin.nodesAllowlist(), false,
                        admin::removeNodesFromAllowlist);
                case VALIDATOR_ADD -> vote(step.parameter("validators"), true);
                case VALIDATOR_REMOVE -> vote(step.parameter("validators"), false);
                default -> StepOutcome.failed("unknown Besu provisioning action " + step.action(), false);
            };
        } catch (CairnException e) {
            return StepOutcome.failed(e.getMessage(), e.error() != ErrorCode.LEDGER_ADMIN_CALL_FAILED);
        }
    }

    private static StepOutcome allowlist(List<String> wanted, List<String> current, boolean add,
                                         java.util.function.Consumer<List<String>> change) {
        List<String> known = current.stream().map(ValidatorAddress::normal).toList();
        List<String> todo = wanted.stream().filter(v -> known.contains(ValidatorAddress.normal(v)) != add).toList();
        if (!todo.isEmpty()) {
            change.accept(todo);
        }
        return StepOutcome.done();
    }

    private StepOutcome vote(List<String> addresses, boolean add) {
        BftProtocol protocol = validatorVotes.orElseThrow(() -> new CairnException(ErrorCode.LEDGER_ADMIN_CALL_FAILED,
                "validator votes are not configured for ledger " + ledger));
        List<String> current = admin.validators(protocol).stream().map(ValidatorAddress::normal).toList();
        List<String> waiting = addresses.stream().filter(a -> current.contains(ValidatorAddress.normal(a)) != add).toList();
        if (waiting.isEmpty()) {
            return StepOutcome.done();
        }
        Map<String, Boolean> pending = admin.pendingVotes(protocol);
        for (String address : waiting) {
            if (!Boolean.valueOf(add).equals(pending.get(ValidatorAddress.normal(address)))) {
                admin.proposeValidatorVote(protocol, address, add);
            }
        }
        return StepOutcome.failed("this node votes to " + (add ? "add " : "remove ") + waiting
                + "; waiting until a majority of validators has voted the same", true);
    }
}
