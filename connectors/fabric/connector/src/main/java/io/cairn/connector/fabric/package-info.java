/**
 * The Hyperledger Fabric ledger connector.
 *
 * <p>Responsible for anchoring hash pointers through Cairn's anchoring chaincode over the Fabric Gateway
 * (gRPC/TLS to one peer), signing every proposal, transaction and events request through the
 * {@link io.cairn.connector.spi.TransactionSigner} seam (no private key in the connector), reading anchors
 * and transactions back from the peer's block store ({@code qscc}), and streaming the chaincode's events
 * from block events, in ledger order and exactly once from a {@link io.cairn.connector.spi.Checkpoint}.
 * Entry point: {@link io.cairn.connector.fabric.FabricConnector}.
 */
package io.cairn.connector.fabric;
