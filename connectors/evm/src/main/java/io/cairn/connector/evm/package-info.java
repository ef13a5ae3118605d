/**
 * The EVM ledger connector (Hyperledger Besu and any Ethereum JSON-RPC node).
 *
 * <p>Responsible for anchoring hash pointers through the {@code CairnAnchor} contract in legacy (EIP-155)
 * or EIP-1559 transactions signed through {@link io.cairn.connector.spi.TransactionSigner}, gap-free
 * pipelined nonces ({@link io.cairn.connector.evm.NonceSource}), verification of anchors against the
 * canonical chain (reorganisations are detected by block hash), event streaming with
 * {@code eth_getLogs}, and the Besu administration calls ({@link io.cairn.connector.evm.BesuAdmin}).
 */
package io.cairn.connector.evm;
