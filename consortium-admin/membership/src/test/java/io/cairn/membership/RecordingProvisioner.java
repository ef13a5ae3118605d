package io.cairn.membership;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference {@link LedgerProvisioner} for tests: plans one allowlist step per member account list and, for
 * validators, a validator vote; records every execution in order and answers each action with scripted outcomes
 * (done once the script of that action is used up).
 */
final class RecordingProvisioner implements LedgerProvisioner {
    private final String ledger;
    private final List<PlannedStep> executed = new ArrayList<>();
    private final Map<String, Deque<StepOutcome>> scripts = new HashMap<>();

    RecordingProvisioner(String ledger) {
        this.ledger = ledger;
    }

    @Override
    public String ledger() {
        return ledger;
    }

    @Override
    public List<PlannedStep> plan(Member member, ProvisioningPurpose purpose) {
        List<String> accounts = member.ledgerIdentities().ethereumAccounts();
        if (accounts.isEmpty()) {
            return List.of();
        }
        boolean add = purpose == ProvisioningPurpose.ADMIT || purpose == ProvisioningPurpose.REINSTATE;
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(new PlannedStep(ledger, add ? "allowlist.add" : "allowlist.remove", (add ? "allow " : "disallow ")
                + accounts, Map.of("accounts", accounts)));
        boolean validatorChange = purpose == ProvisioningPurpose.ADMIT || purpose == ProvisioningPurpose.REMOVE;
        if (validatorChange && member.roles().contains(ConsortiumRole.VALIDATOR)) {
            steps.add(new PlannedStep(ledger, add ? "validator.add" : "validator.remove", "validator vote",
                    Map.of("validator", List.of(accounts.getFirst()))));
        }
        return steps;
    }

    @Override
    public synchronized StepOutcome execute(PlannedStep step) {
        executed.add(step);
        Deque<StepOutcome> script = scripts.get(step.action());
        return script == null || script.isEmpty() ? StepOutcome.done() : script.removeFirst();
    }

    /** Answers the next executions of {@code action} with these outcomes, in order. */
    synchronized RecordingProvisioner script(String action, StepOutcome... outcomes) {
        scripts.computeIfAbsent(action, k -> new ArrayDeque<>()).addAll(List.of(outcomes));
        return this;
    }

    /** The actions executed, in order, as {@code ledger:action}. */
    synchronized List<String> executed() {
        return executed.stream().map(s -> s.ledger() + ":" + s.action()).toList();
    }

    synchronized void clear() {
        executed.clear();
        scripts.clear();
    }
}
