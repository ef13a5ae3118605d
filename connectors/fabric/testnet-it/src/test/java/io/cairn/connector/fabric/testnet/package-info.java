/**
 * Integration tests against the native Fabric test network of {@code connectors/fabric/testnet}: starting
 * and stopping it ({@link io.cairn.connector.fabric.testnet.FabricTestnet}) and anchoring through the
 * Fabric Gateway client.
 */
package io.cairn.connector.fabric.testnet;
