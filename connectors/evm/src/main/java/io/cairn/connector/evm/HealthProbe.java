package io.cairn.connector.evm;

import io.cairn.connector.spi.LedgerHealth;
import io.cairn.kernel.CairnException;
import java.time.Duration;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * Checks that the node answers, is the configured chain, and holds the anchoring contract's code.
 */
final class HealthProbe {

    private final EvmLedgerConfig config;
    private final EvmNode node;

    HealthProbe(EvmLedgerConfig config, EvmNode node) {
        this.config = config;
        this.node = node;
    }

    LedgerHealth check() {
        long started = System.nanoTime();
        try {
            long chainId = node.chainId();
            long head = node.blockNumber();
            if (chainId != config.chainId()) {
                return report(LedgerHealth.Status.DOWN, Optional.of(head), started,
                        "node reports chain id " + chainId + ", configured " + config.chainId());
            }
            String code = node.code(config.contractAddress());
            if (!AnchorContractArtifacts.runtimeBytecode().equalsIgnoreCase(Numeric.cleanHexPrefix(code))) {
                return report(LedgerHealth.Status.DEGRADED, Optional.of(head), started,
                        "no CairnAnchor contract (or a different build) at " + config.contractAddress());
            }
            return report(LedgerHealth.Status.UP, Optional.of(head), started, null);
        } catch (CairnException e) {
            return report(LedgerHealth.Status.DOWN, Optional.empty(), started, e.error().code() + " " + e.getMessage());
        }
    }

    private static LedgerHealth report(LedgerHealth.Status status, Optional<Long> head, long started, String detail) {
        return new LedgerHealth(status, head, Duration.ofNanos(System.nanoTime() - started),
                Optional.ofNullable(detail));
    }
}
