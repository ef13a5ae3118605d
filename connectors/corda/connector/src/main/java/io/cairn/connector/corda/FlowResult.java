package io.cairn.connector.corda;

import java.util.Objects;

/**
 * What a finished flow returned.
 *
 * @param runId       the node's id of the flow run
 * @param returnValue the flow's return value as the RPC client deserialised it
 */
public record FlowResult(String runId, Object returnValue) {

    /** Validates. */
    public FlowResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(returnValue, "returnValue");
    }
}
