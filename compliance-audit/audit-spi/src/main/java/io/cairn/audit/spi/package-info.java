/**
 * The audit SPI: how every Cairn module records what happened in the tamper-evident journal.
 *
 * <p>A module builds an {@link io.cairn.audit.spi.AuditEvent} and hands it to an
 * {@link io.cairn.audit.spi.AuditJournal}; the journal answers with a
 * {@link io.cairn.audit.spi.JournalReceipt} once the event is durably committed. Each event is
 * journaled as the deterministic bytes of {@link io.cairn.audit.spi.CanonicalEntry}, which a
 * regulator can re-hash offline. Checkpoints of the journal are signed through a
 * {@link io.cairn.audit.spi.CheckpointSigner}, which key custody implements.
 */
package io.cairn.audit.spi;
