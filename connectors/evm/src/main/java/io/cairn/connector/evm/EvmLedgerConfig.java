package io.cairn.connector.evm;

import io.cairn.connector.spi.FinalityModel;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the EVM connector needs to know about one ledger. Built with {@link #builder()}; the
 * appliance fills it from {@code POST /api/v1/ledgers}.
 *
 * @param ledgerId              id the ledger is configured under
 * @param rpcUrl                JSON-RPC endpoint ({@code http}, {@code https}, {@code ws} or {@code wss})
 * @param chainId               the chain id the node must report; also signed into every transaction
 * @param contractAddress       address of the deployed {@code CairnAnchor} contract
 * @param deploymentBlock       block the contract was deployed in; anchor searches start there
 * @param keyAlias              key-custody alias of the sending key
 * @param transactionType       legacy (EIP-155) or EIP-1559
 * @param gasPolicy             how transactions are priced
 * @param gasLimit              gas limit of an anchor transaction
 * @param finality              instant (QBFT/IBFT) or depth-based
 * @param headers               extra HTTP headers, e.g. {@code Authorization} (values are secrets)
 * @param tls                   trust and client key stores for {@code https}
 * @param requestTimeout        timeout of one JSON-RPC call
 * @param receiptTimeout        how long {@code anchor} waits for inclusion
 * @param receiptPollInterval   longest pause between receipt polls (polling starts faster)
 * @param eventPollInterval     pause between event polls once a subscription has caught up
 * @param maxBlockRange         most blocks per {@code eth_getLogs} call
 * @param maxBatchSize          most events per delivered batch
 * @param orderedSubmission     send pipelined transactions in nonce order (signing stays parallel)
 */
public record EvmLedgerConfig(
        String ledgerId,
        URI rpcUrl,
        long chainId,
        String contractAddress,
        long deploymentBlock,
        String keyAlias,
        TransactionType transactionType,
        GasPolicy gasPolicy,
        BigInteger gasLimit,
        FinalityModel finality,
        Map<String, String> headers,
        Optional<TlsSettings> tls,
        Duration requestTimeout,
        Duration receiptTimeout,
        Duration receiptPollInterval,
        Duration eventPollInterval,
        int maxBlockRange,
        int maxBatchSize,
        boolean orderedSubmission) {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    /** Validates the configuration; violations are {@code CAIRN-LEDGER-0009}. */
    public EvmLedgerConfig {
        headers = Map.copyOf(headers);
        requireAll(ledgerId, rpcUrl, contractAddress, keyAlias, transactionType, gasPolicy, gasLimit, finality, tls,
                requestTimeout, receiptTimeout, receiptPollInterval, eventPollInterval);
        check(ledgerId.matches("[a-z0-9][a-z0-9._-]{0,62}"), "ledger-id", "1-63 characters of [a-z0-9._-]");
        check(List.of("http", "https", "ws", "wss").contains(rpcUrl.getScheme()), "rpc-url",
                "http, https, ws or wss");
        check(rpcUrl.getUserInfo() == null, "rpc-url", "credentials go in headers, not in the URL");
        check(tls.isEmpty() || List.of("https", "wss").contains(rpcUrl.getScheme()), "tls",
                "used with an https or wss URL");
        check(chainId > 0, "chain-id", "a positive chain id");
        check(ADDRESS.matcher(contractAddress).matches(), "contract-address", "0x and 40 hex digits");
        check(deploymentBlock >= 0, "deployment-block", "not negative");
        check(gasLimit.signum() > 0, "gas-limit", "positive");
        check(maxBlockRange > 0 && maxBatchSize > 0, "max-block-range", "positive ranges and batches");
        check(!receiptPollInterval.isNegative() && !receiptPollInterval.isZero(), "receipt-poll-interval", "positive");
    }

    /** A builder with defaults for everything but the ledger's identity, endpoint, contract and key. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().ledgerId(ledgerId).rpcUrl(rpcUrl).chainId(chainId).contractAddress(contractAddress)
                .deploymentBlock(deploymentBlock).keyAlias(keyAlias).transactionType(transactionType)
                .gasPolicy(gasPolicy).gasLimit(gasLimit).finality(finality).headers(headers).tls(tls.orElse(null))
                .requestTimeout(requestTimeout).receiptTimeout(receiptTimeout)
                .receiptPollInterval(receiptPollInterval).eventPollInterval(eventPollInterval)
                .maxBlockRange(maxBlockRange).maxBatchSize(maxBatchSize).orderedSubmission(orderedSubmission);
    }

    /** Never prints header values: they usually carry credentials. */
    @Override
    public String toString() {
        return "EvmLedgerConfig[" + ledgerId + ", " + rpcUrl + ", chain " + chainId + ", contract " + contractAddress
                + ", " + transactionType + ", " + finality + ", headers " + headers.keySet() + "]";
    }

    private static void requireAll(Object... values) {
        for (Object value : values) {
            if (value == null) {
                throw new CairnException(ErrorCode.LEDGER_INVALID_CONFIGURATION, "a required ledger setting is missing");
            }
        }
    }

    private static void check(boolean ok, String field, String rule) {
        if (!ok) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, field, field + " must be " + rule);
        }
    }

    /** Builds an {@link EvmLedgerConfig}. */
    public static final class Builder {
        private String ledgerId;
        private URI rpcUrl;
        private long chainId;
        private String contractAddress;
        private long deploymentBlock;
        private String keyAlias;
        private TransactionType transactionType = TransactionType.EIP1559;
        private GasPolicy gasPolicy = GasPolicy.nodeSuggested();
        private BigInteger gasLimit = BigInteger.valueOf(100_000);
        private FinalityModel finality = FinalityModel.depth(6);
        private final Map<String, String> headers = new LinkedHashMap<>();
        private TlsSettings tls;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration receiptTimeout = Duration.ofSeconds(120);
        private Duration receiptPollInterval = Duration.ofMillis(500);
        private Duration eventPollInterval = Duration.ofSeconds(1);
        private int maxBlockRange = 2_000;
        private int maxBatchSize = 500;
        private boolean orderedSubmission = true;

        private Builder() {
        }

        /** Sets the ledger id. */
        public Builder ledgerId(String value) {
            ledgerId = value;
            return this;
        }

        /** Sets the JSON-RPC URL. */
        public Builder rpcUrl(URI value) {
            rpcUrl = value;
            return this;
        }

        /** Sets the expected chain id. */
        public Builder chainId(long value) {
            chainId = value;
            return this;
        }

        /** Sets the anchoring contract's address. */
        public Builder contractAddress(String value) {
            contractAddress = value;
            return this;
        }

        /** Sets the contract's deployment block (default 0). */
        public Builder deploymentBlock(long value) {
            deploymentBlock = value;
            return this;
        }

        /** Sets the sending key's alias. */
        public Builder keyAlias(String value) {
            keyAlias = value;
            return this;
        }

        /** Sets the transaction type (default EIP-1559). */
        public Builder transactionType(TransactionType value) {
            transactionType = value;
            return this;
        }

        /** Sets the gas policy (default node-suggested). */
        public Builder gasPolicy(GasPolicy value) {
            gasPolicy = value;
            return this;
        }

        /** Sets the anchor transaction's gas limit (default 100000). */
        public Builder gasLimit(BigInteger value) {
            gasLimit = value;
            return this;
        }

        /** Sets the finality model (default depth 6; use instant for QBFT/IBFT). */
        public Builder finality(FinalityModel value) {
            finality = value;
            return this;
        }

        /** Adds an HTTP header sent with every call, e.g. {@code Authorization: Bearer ...}. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Replaces all headers. */
        public Builder headers(Map<String, String> values) {
            headers.clear();
            headers.putAll(values);
            return this;
        }

        /** Sets the TLS settings ({@code null} for none). */
        public Builder tls(TlsSettings value) {
            tls = value;
            return this;
        }

        /** Sets the timeout of one call (default 10 s). */
        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        /** Sets how long an anchor waits for inclusion (default 120 s). */
        public Builder receiptTimeout(Duration value) {
            receiptTimeout = value;
            return this;
        }

        /** Sets the longest pause between receipt polls (default 500 ms). */
        public Builder receiptPollInterval(Duration value) {
            receiptPollInterval = value;
            return this;
        }

        /** Sets the pause between event polls (default 1 s). */
        public Builder eventPollInterval(Duration value) {
            eventPollInterval = value;
            return this;
        }

        /** Sets the most blocks per log query (default 2000). */
        public Builder maxBlockRange(int value) {
            maxBlockRange = value;
            return this;
        }

        /** Sets the most events per batch (default 500). */
        public Builder maxBatchSize(int value) {
            maxBatchSize = value;
            return this;
        }

        /**
         * Whether pipelined transactions are sent in nonce order (default true). Nodes keep out-of-order
         * transactions in a bounded future pool, and some development nodes can leave one there; unordered
         * sending is faster when many anchors are in flight.
         */
        public Builder orderedSubmission(boolean value) {
            orderedSubmission = value;
            return this;
        }

        /** Builds and validates. */
        public EvmLedgerConfig build() {
            return new EvmLedgerConfig(ledgerId, rpcUrl, chainId, contractAddress, deploymentBlock, keyAlias,
                    transactionType, gasPolicy, gasLimit, finality, headers, Optional.ofNullable(tls),
                    requestTimeout, receiptTimeout, receiptPollInterval, eventPollInterval, maxBlockRange,
                    maxBatchSize, orderedSubmission);
        }
    }
}
