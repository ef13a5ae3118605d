package io.cairn.membership;

import java.util.List;

/**
 * The membership module's seam to one ledger's governance: it plans the steps that give a member access to the
 * ledger (or take it away) and executes them one at a time. The membership module depends on no connector: the
 * appliance adapts each registered ledger (Besu's {@code perm_*} and validator votes, a Fabric channel update,
 * a Corda network map entry) to this interface.
 *
 * <p>{@link #plan} runs inside the transaction that records the decision: it must not call the ledger, only
 * read the member. {@link #execute} runs outside any transaction, may be called again for the same step after
 * a crash or a retry, and must therefore be idempotent (check the ledger first, act only on what is missing).
 * It should answer an outcome rather than throw; an exception counts as a retryable failure.
 */
public interface LedgerProvisioner {
    /** The name of the ledger this provisioner acts on; unique among the registered provisioners. */
    String ledger();

    /**
     * The steps that carry out {@code purpose} for {@code member} on this ledger, in execution order; empty when
     * there is nothing to do (e.g. the member has no identity on this ledger).
     */
    List<PlannedStep> plan(Member member, ProvisioningPurpose purpose);

    /** Executes one step this provisioner planned. */
    StepOutcome execute(PlannedStep step);
}
