/**
 * Cairn's anchoring chaincode for Hyperledger Fabric, run as a chaincode service (CCaaS).
 *
 * <p>The chaincode stores no state: {@code anchor(hashPointerHex, application, blockSeq)} validates the
 * hash pointer and emits one chaincode event {@value io.cairn.connector.fabric.chaincode.AnchoredEvent#NAME}
 * whose payload ({@link io.cairn.connector.fabric.chaincode.AnchoredEvent}) names the pointer, the
 * transaction and the submitting organisation. The transaction itself, kept by every peer's block store,
 * is the anchor. {@link io.cairn.connector.fabric.chaincode.AnchorChaincodeServer} serves the chaincode
 * to the peers over gRPC.
 */
package io.cairn.connector.fabric.chaincode;
