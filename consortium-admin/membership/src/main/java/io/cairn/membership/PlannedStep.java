package io.cairn.membership;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One step a {@link LedgerProvisioner} plans for a member: stored with the plan, then handed back to the same
 * provisioner (by {@link #ledger()}) to execute.
 *
 * @param ledger      the name of the ledger the step acts on ({@link LedgerProvisioner#ledger()})
 * @param action      what it does, e.g. {@code besu.account-allowlist.add}
 * @param description what it does, for administrators
 * @param parameters  what it acts on, e.g. {@code accounts} to their addresses; stored as JSON
 */
public record PlannedStep(String ledger, String action, String description, Map<String, List<String>> parameters) {
    /** Validates the names and copies the parameters (sorted by name). */
    public PlannedStep {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(description, "description");
        TreeMap<String, List<String>> copy = new TreeMap<>();
        parameters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        parameters = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** The values of one parameter; empty when the step has none of that name. */
    public List<String> parameter(String name) {
        return parameters.getOrDefault(name, List.of());
    }
}
