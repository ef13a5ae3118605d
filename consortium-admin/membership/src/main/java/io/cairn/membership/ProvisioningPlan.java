package io.cairn.membership;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The per-ledger steps that make an approved member operational (Besu allowlists and validator votes,
 * Fabric MSP definition and channel update, Corda network map entry). The membership workflow creates the
 * plan EMPTY when an admission is approved: filling and executing its steps is the later provisioning step,
 * which is NOT IMPLEMENTED in this module.
 *
 * @param applicationId the approved application
 * @param steps         the steps, in execution order; empty until provisioning is built
 */
public record ProvisioningPlan(UUID applicationId, List<Step> steps) {
    /** Copies the steps. */
    public ProvisioningPlan {
        Objects.requireNonNull(applicationId, "applicationId");
        steps = List.copyOf(steps);
    }

    /**
     * One step of a plan.
     *
     * @param ledger      the ledger it acts on
     * @param action      what it does, e.g. {@code besu.account-allowlist.add}
     * @param status      {@code pending}, {@code done}, {@code failed} or {@code overridden}
     */
    public record Step(String ledger, String action, String status) {
    }
}
