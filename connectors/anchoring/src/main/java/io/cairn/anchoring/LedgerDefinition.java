package io.cairn.anchoring;

import io.cairn.connector.spi.FinalityModel;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A registered ledger: what the registry stores and a {@link ConnectorFactory} builds a connector from.
 *
 * @param name            registry name, 1-32 characters of {@code [a-z0-9-]}; also the connector's ledger id
 * @param type            {@code evm}, {@code fabric} or {@code corda}
 * @param endpoints       node URLs ({@code http}, {@code https}, {@code ws}, {@code wss}); the first is used
 * @param chainId         the chain id the node must report
 * @param keyAlias        signing-service alias of the key that signs anchor transactions
 * @param contractAddress address of the deployed {@code CairnAnchor} contract
 * @param deploymentBlock block the contract was deployed in (anchor searches start there)
 * @param finality        instant (BFT) or depth-based finality
 * @param transactionType {@code eip1559} or {@code legacy}
 * @param gas             {@code node-suggested} or {@code zero} (free-gas consortium networks)
 * @param tlsCaPem        PEM certificates that sign the node's TLS certificate, when not publicly trusted
 * @param authHeader      value of the {@code Authorization} header sent to the node: a secret, never printed
 */
public record LedgerDefinition(String name, String type, List<URI> endpoints, long chainId, String keyAlias,
                               String contractAddress, long deploymentBlock, FinalityModel finality,
                               String transactionType, String gas, Optional<String> tlsCaPem,
                               Optional<String> authHeader) {

    /** Ledger types the API accepts. */
    public static final List<String> TYPES = List.of("evm", "fabric", "corda");
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final List<String> SCHEMES = List.of("http", "https", "ws", "wss");

    /** Validates; violations are {@code CAIRN-LEDGER-0009} naming the field. */
    public LedgerDefinition {
        check(name != null && NAME.matcher(name).matches(), "name", "1-32 characters of [a-z0-9-]");
        check(type != null && TYPES.contains(type), "type", "one of " + TYPES);
        check(endpoints != null && !endpoints.isEmpty(), "endpoints", "at least one URL");
        endpoints = List.copyOf(endpoints);
        endpoints.forEach(LedgerDefinition::checkEndpoint);
        check(chainId > 0, "chainId", "a positive chain id");
        check(keyAlias != null && !keyAlias.isBlank(), "keyAlias", "a signing key alias");
        check(contractAddress != null && ADDRESS.matcher(contractAddress).matches(), "contractAddress",
                "0x and 40 hexadecimal digits");
        check(deploymentBlock >= 0, "deploymentBlock", "not negative");
        Objects.requireNonNull(finality, "finality");
        check(List.of("eip1559", "legacy").contains(transactionType), "transactionType", "eip1559 or legacy");
        check(List.of("node-suggested", "zero").contains(gas), "gas", "node-suggested or zero");
        Objects.requireNonNull(tlsCaPem, "tlsCaPem");
        Objects.requireNonNull(authHeader, "authHeader");
        check(tlsCaPem.map(p -> p.contains("-----BEGIN CERTIFICATE-----")).orElse(true), "tlsCaPem",
                "PEM certificates (-----BEGIN CERTIFICATE-----)");
        check(authHeader.map(h -> !h.isBlank() && h.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).orElse(true),
                "authHeader", "a header value without control characters");
    }

    private static void checkEndpoint(URI url) {
        check(url != null && SCHEMES.contains(url.getScheme()) && url.getHost() != null, "endpoints",
                "http, https, ws or wss URLs with a host");
        check(url.getUserInfo() == null, "endpoints", "URLs without credentials (use authHeader)");
    }

    private static void check(boolean ok, String field, String rule) {
        if (!ok) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, field, field + " must be " + rule);
        }
    }

    /** The finality depth as stored: 0 for instant finality. */
    public int finalityDepth() {
        return finality instanceof FinalityModel.Depth depth ? depth.confirmations() : 0;
    }

    /** The finality model stored as {@link #finalityDepth()}. */
    public static FinalityModel finalityOf(int depth) {
        return depth == 0 ? FinalityModel.bftInstant() : FinalityModel.depth(depth);
    }

    /** Never prints the authorisation header. */
    @Override
    public String toString() {
        return "LedgerDefinition[" + name + ", " + type + ", " + endpoints + ", chain " + chainId + ", contract "
                + contractAddress + ", key " + keyAlias + ", " + finality + ", auth header "
                + (authHeader.isPresent() ? "set" : "none") + "]";
    }
}
