package io.cairn.connector.evm;

import java.math.BigInteger;
import java.util.Optional;

/** Prices a transaction according to the configured {@link GasPolicy}. */
final class FeeOracle {

    private final EvmNode node;
    private final GasPolicy policy;
    private final TransactionType type;

    FeeOracle(EvmNode node, GasPolicy policy, TransactionType type) {
        this.node = node;
        this.policy = policy;
        this.type = type;
    }

    EvmTransactionFactory.Fees fees() {
        return switch (policy) {
            case GasPolicy.Fixed fixed -> new EvmTransactionFactory.Fees(fixed.maxFeePerGas(),
                    fixed.priorityFeePerGas());
            case GasPolicy.NodeSuggested suggested -> suggested();
        };
    }

    private EvmTransactionFactory.Fees suggested() {
        if (type == TransactionType.LEGACY) {
            BigInteger price = node.gasPrice();
            return new EvmTransactionFactory.Fees(price, price);
        }
        BigInteger priority = node.maxPriorityFeePerGas();
        BigInteger baseFee = Optional.ofNullable(node.latestBlock().getBaseFeePerGas()).orElse(BigInteger.ZERO);
        return new EvmTransactionFactory.Fees(baseFee.shiftLeft(1).add(priority), priority);
    }
}
