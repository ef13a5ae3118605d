/**
 * The ledger connector technology compatibility kit.
 *
 * <p>Responsible for the behaviour every {@link io.cairn.connector.spi.LedgerConnector} must show against a
 * real node: anchoring to finality, double-anchor detection, ordered exactly-once event delivery with
 * resumption and redelivery, health, and (where the ledger allows it) reorganisation handling. A connector
 * module extends {@link io.cairn.connector.tck.LedgerConnectorContract} in its integration tests.
 */
package io.cairn.connector.tck;
