package io.cairn.connector.evm;

import java.math.BigInteger;
import java.util.Objects;

/** How the connector prices its transactions. */
public sealed interface GasPolicy {

    /** Free-gas networks (the usual Besu consortium genesis, {@code min-gas-price=0}): every price is zero. */
    static GasPolicy zero() {
        return new Fixed(BigInteger.ZERO, BigInteger.ZERO);
    }

    /** Fixed prices in wei: gas price for legacy, max fee and priority fee for EIP-1559. */
    static GasPolicy fixed(BigInteger maxFeePerGas, BigInteger priorityFeePerGas) {
        return new Fixed(maxFeePerGas, priorityFeePerGas);
    }

    /**
     * Prices the node suggests at submission: {@code eth_gasPrice} for legacy; for EIP-1559 the suggested
     * priority fee and twice the latest base fee plus that priority fee as the maximum.
     */
    static GasPolicy nodeSuggested() {
        return new NodeSuggested();
    }

    /**
     * Fixed prices.
     *
     * @param maxFeePerGas      gas price (legacy) or max fee per gas (EIP-1559), wei
     * @param priorityFeePerGas max priority fee per gas (EIP-1559 only), wei
     */
    record Fixed(BigInteger maxFeePerGas, BigInteger priorityFeePerGas) implements GasPolicy {
        /** Validates the prices. */
        public Fixed {
            Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
            Objects.requireNonNull(priorityFeePerGas, "priorityFeePerGas");
            if (maxFeePerGas.signum() < 0 || priorityFeePerGas.signum() < 0
                    || priorityFeePerGas.compareTo(maxFeePerGas) > 0) {
                throw new IllegalArgumentException("gas prices are >= 0 and priority fee <= max fee");
            }
        }
    }

    /** Node-suggested prices. */
    record NodeSuggested() implements GasPolicy {
    }
}
