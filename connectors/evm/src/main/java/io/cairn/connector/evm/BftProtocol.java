package io.cairn.connector.evm;

/** Besu's Byzantine-fault-tolerant consensus protocols and their JSON-RPC method prefix. */
public enum BftProtocol {
    /** QBFT ({@code qbft_*}), the recommended protocol for Besu consortium networks. */
    QBFT("qbft"),
    /** IBFT 2.0 ({@code ibft_*}). */
    IBFT2("ibft");

    private final String prefix;

    BftProtocol(String prefix) {
        this.prefix = prefix;
    }

    /** The JSON-RPC method {@code <prefix>_<name>}. */
    String method(String name) {
        return prefix + "_" + name;
    }
}
