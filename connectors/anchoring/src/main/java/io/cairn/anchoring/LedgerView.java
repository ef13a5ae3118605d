package io.cairn.anchoring;

import io.cairn.connector.spi.LedgerHealth;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A registered ledger as the API shows it: configuration without secrets (the authorisation header is only
 * said to be set), health, queue depth and anchor lag.
 *
 * @param name                 registry name
 * @param type                 ledger type
 * @param endpoints            node URLs
 * @param chainId              expected chain id
 * @param keyAlias             signing key alias
 * @param contractAddress      anchoring contract
 * @param deploymentBlock      contract deployment block
 * @param finality             {@code instant} or {@code depth}
 * @param finalityDepth        confirmations with depth finality
 * @param transactionType      {@code eip1559} or {@code legacy}
 * @param gas                  {@code node-suggested} or {@code zero}
 * @param tlsCaConfigured      whether a TLS CA is configured
 * @param authHeaderConfigured whether an authorisation header is configured
 * @param registeredAt         when it was registered
 * @param registeredBy         who registered it
 * @param health               what the connector found now, absent when the ledger has no live connector
 * @param queueDepth           anchor jobs waiting for submission
 * @param lagSeconds           age of the oldest block not yet anchored there (0 when none)
 */
public record LedgerView(String name, String type, List<String> endpoints, long chainId, String keyAlias,
                         String contractAddress, long deploymentBlock, String finality, Optional<Integer> finalityDepth,
                         String transactionType, String gas, boolean tlsCaConfigured, boolean authHeaderConfigured,
                         Instant registeredAt, String registeredBy, Optional<HealthView> health, long queueDepth,
                         double lagSeconds) {

    /**
     * A connector's health report.
     *
     * @param status        UP, DEGRADED or DOWN
     * @param headBlock     the ledger's height when it answered
     * @param latencyMillis how long the check took
     * @param detail        what is wrong
     */
    public record HealthView(String status, Optional<Long> headBlock, long latencyMillis, Optional<String> detail) {
        static HealthView of(LedgerHealth health) {
            return new HealthView(health.status().name(), health.headBlock(), health.latency().toMillis(),
                    health.detail());
        }
    }

    /** The view of a stored ledger with its live figures. */
    static LedgerView of(RegisteredLedger ledger, Optional<LedgerHealth> health, long queueDepth, double lagSeconds) {
        LedgerDefinition d = ledger.definition();
        int depth = d.finalityDepth();
        return new LedgerView(d.name(), d.type(), d.endpoints().stream().map(URI::toString).toList(), d.chainId(),
                d.keyAlias(), d.contractAddress(), d.deploymentBlock(), depth == 0 ? "instant" : "depth",
                depth == 0 ? Optional.empty() : Optional.of(depth), d.transactionType(), d.gas(),
                d.tlsCaPem().isPresent(), d.authHeader().isPresent(), ledger.registeredAt(), ledger.registeredBy(),
                health.map(HealthView::of), queueDepth, lagSeconds);
    }

    /**
     * Body of {@code GET /api/v1/ledgers}.
     *
     * @param ledgers every registered ledger, by name
     */
    public record LedgerList(List<LedgerView> ledgers) {
    }
}
