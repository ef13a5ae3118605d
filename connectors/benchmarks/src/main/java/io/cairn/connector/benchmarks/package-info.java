/**
 * Load harness for ledger connectors.
 *
 * <p>Responsible for measuring anchors per second and event ingestion per second through the EVM connector
 * against a local anvil node, beside the node's raw throughput for equivalent pre-signed transactions and
 * log queries measured in the same run.
 */
package io.cairn.connector.benchmarks;
