/**
 * The Corda 4 ledger connector: {@link io.cairn.connector.corda.CordaConnector} maps the connector SPI onto
 * a Corda node reached through the {@link io.cairn.connector.corda.CordaNode} seam, whose RPC
 * implementation is {@link io.cairn.connector.corda.CordaRpcNode}.
 */
package io.cairn.connector.corda;
