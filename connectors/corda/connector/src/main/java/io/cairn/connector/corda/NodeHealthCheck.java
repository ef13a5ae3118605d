package io.cairn.connector.corda;

import io.cairn.connector.spi.LedgerHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Asks a node who it is and what time it has, and turns the answers into a {@link LedgerHealth}. */
final class NodeHealthCheck {

    private final CordaNode node;
    private final Optional<String> expectedIdentity;

    NodeHealthCheck(CordaNode node, Optional<String> expectedIdentity) {
        this.node = node;
        this.expectedIdentity = expectedIdentity;
    }

    /** UP when the node answers as the configured identity, DOWN otherwise; never throws. */
    LedgerHealth check() {
        long started = System.nanoTime();
        try {
            NodeIdentity identity = node.nodeInfo();
            Instant nodeTime = node.currentNodeTime();
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            if (expectedIdentity.isPresent() && !identity.legalIdentities().contains(expectedIdentity.get())) {
                return new LedgerHealth(LedgerHealth.Status.DOWN, Optional.empty(), latency, Optional.of(
                        "node is " + identity.legalIdentities() + ", configured " + expectedIdentity.get()));
            }
            return new LedgerHealth(LedgerHealth.Status.UP, Optional.empty(), latency, Optional.of(
                    identity.legalIdentities().get(0) + ", platform version " + identity.platformVersion()
                            + ", node time " + nodeTime));
        } catch (RuntimeException unreachable) {
            return new LedgerHealth(LedgerHealth.Status.DOWN, Optional.empty(),
                    Duration.ofNanos(System.nanoTime() - started), Optional.of(String.valueOf(unreachable.getMessage())));
        }
    }
}
