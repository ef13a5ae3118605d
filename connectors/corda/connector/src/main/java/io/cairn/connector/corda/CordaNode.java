package io.cairn.connector.corda;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The few things the Corda connector asks of a Corda node. {@link CordaRpcNode} does them over Corda 4 RPC
 * ({@code CordaRPCOps}); everything the connector derives from the answers is independent of RPC.
 *
 * <p>Failures are {@link io.cairn.kernel.CairnException}s: {@code LEDGER_UNREACHABLE} when the node cannot be
 * asked, {@code LEDGER_ANCHOR_REJECTED} when a flow fails, {@code LEDGER_CONFIRMATION_TIMEOUT} when it does not
 * finish in time.
 */
public interface CordaNode extends AutoCloseable {

    /**
     * Starts a flow by class name, passes every progress step it reports to {@code progress}, and waits for
     * its result.
     *
     * @return the flow run's id and the value the flow returned
     */
    FlowResult runFlow(FlowCall call, Consumer<String> progress);

    /** Every {@code AnchorState} in the node's vault (consumed or not) that matches all given criteria. */
    List<VaultAnchor> anchors(AnchorCriteria criteria);

    /** Who the node is. */
    NodeIdentity nodeInfo();

    /** The node's clock. */
    Instant currentNodeTime();

    /** Closes the connection. */
    @Override
    void close();
}
