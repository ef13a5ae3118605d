package io.cairn.connector.corda;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A flow to start on a node.
 *
 * @param flowClassName the flow's fully qualified class name
 * @param arguments     its constructor arguments, in order
 * @param timeout       how long to wait for the flow's result
 */
public record FlowCall(String flowClassName, List<Object> arguments, Duration timeout) {

    /** Validates and copies. */
    public FlowCall {
        Objects.requireNonNull(flowClassName, "flowClassName");
        arguments = List.copyOf(arguments);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("flow timeout must be positive: " + timeout);
        }
    }
}
