package io.cairn.anchoring;

import io.cairn.connector.spi.FinalityModel;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Body of {@code POST /api/v1/ledgers}.
 *
 * @param name            1-32 characters of {@code [a-z0-9-]}
 * @param type            {@code evm} ({@code fabric} and {@code corda} are not available on this appliance yet)
 * @param endpoints       node URLs: {@code http}, {@code https}, {@code ws} or {@code wss}
 * @param chainId         the chain id the node must report
 * @param keyAlias        signing-service alias of the key that signs anchor transactions
 * @param contractAddress address of the deployed {@code CairnAnchor} contract
 * @param deploymentBlock block the contract was deployed in (default 0)
 * @param finality        {@code instant} (QBFT, IBFT 2.0) or {@code depth}
 * @param finalityDepth   confirmations required with {@code depth} finality
 * @param transactionType {@code eip1559} (default) or {@code legacy}
 * @param gas             {@code node-suggested} (default) or {@code zero}
 * @param tlsCaPem        PEM certificates that sign the node's TLS certificate
 * @param authHeader      value of the {@code Authorization} header for the node; stored, never returned
 */
public record LedgerRegistration(String name, String type, List<String> endpoints, long chainId, String keyAlias,
                                 String contractAddress, Optional<Long> deploymentBlock, String finality,
                                 Optional<Integer> finalityDepth, Optional<String> transactionType,
                                 Optional<String> gas, Optional<String> tlsCaPem, Optional<String> authHeader) {

    /** The definition this registration asks for; invalid values are {@code CAIRN-LEDGER-0009} naming the field. */
    public LedgerDefinition definition() {
        if (List.of("fabric", "corda").contains(type)) {
            throw CairnException.field(ErrorCode.LEDGER_TYPE_UNAVAILABLE, "type", "ledger type '" + type
                    + "' is not available on this appliance; only evm ledgers can be registered");
        }
        return new LedgerDefinition(name, type, endpoints.stream().map(LedgerRegistration::url).toList(), chainId,
                keyAlias, contractAddress, deploymentBlock.orElse(0L), finalityModel(),
                transactionType.orElse("eip1559"), gas.orElse("node-suggested"), tlsCaPem, authHeader);
    }

    private FinalityModel finalityModel() {
        if ("instant".equals(finality) && finalityDepth.isEmpty()) {
            return FinalityModel.bftInstant();
        }
        if ("depth".equals(finality) && finalityDepth.filter(d -> d >= 1 && d <= 10_000).isPresent()) {
            return FinalityModel.depth(finalityDepth.get());
        }
        throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, "finality",
                "finality must be 'instant', or 'depth' with finalityDepth between 1 and 10000");
    }

    private static URI url(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException | NullPointerException e) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, "endpoints", "not a URL: " + text);
        }
    }

    /** Never prints the authorisation header. */
    @Override
    public String toString() {
        return "LedgerRegistration[" + name + ", " + type + ", " + endpoints + "]";
    }
}
