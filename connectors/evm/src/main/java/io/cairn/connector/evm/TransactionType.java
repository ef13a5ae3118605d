package io.cairn.connector.evm;

/** The Ethereum transaction envelope the connector sends. */
public enum TransactionType {
    /** Legacy transaction with EIP-155 replay protection (chain id in the signature). */
    LEGACY,
    /** EIP-1559 typed transaction (type 2) with max fee and priority fee. */
    EIP1559
}
