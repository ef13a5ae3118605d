/**
 * The audit journal in PostgreSQL: group-committed appends with gap-free leaf indexes and idempotency
 * keys ({@link io.cairn.journal.PostgresJournal}), the Merkle tree nodes as a
 * {@link io.cairn.merkle.TreeStore} ({@link io.cairn.journal.JdbcTreeStore}), signed checkpoints linked by
 * consistency proofs ({@link io.cairn.journal.CheckpointLog}, {@link io.cairn.journal.CheckpointScheduler}),
 * inclusion and consistency proofs in the proof file format ({@link io.cairn.journal.JournalProofs}), the
 * tamper audit ({@link io.cairn.journal.JournalAudit}) and the HTTP API ({@link io.cairn.journal.JournalApi}).
 */
package io.cairn.journal;
