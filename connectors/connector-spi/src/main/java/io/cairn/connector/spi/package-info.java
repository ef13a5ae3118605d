/**
 * The ledger connector service-provider interface.
 *
 * <p>Responsible for the contract between Cairn and the ledgers it anchors to: submitting anchor
 * transactions signed through an offline signing seam ({@link io.cairn.connector.spi.TransactionSigner}),
 * confirming and re-verifying anchors under each ledger's {@link io.cairn.connector.spi.FinalityModel},
 * reading transactions, reporting health, and streaming ordered {@link io.cairn.connector.spi.LedgerEvent}s
 * from a {@link io.cairn.connector.spi.Checkpoint} to a {@link io.cairn.connector.spi.LedgerEventSink} with
 * exactly-once delivery. Interfaces and records only; implementations live in their own modules.
 */
package io.cairn.connector.spi;
