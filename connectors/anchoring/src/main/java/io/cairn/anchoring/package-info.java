/**
 * The anchoring pipeline and the ledger registry.
 *
 * <p>Responsible for writing the hash pointer of every verification block to each ledger its application
 * uses, through a durable queue ({@code anchoring.anchor_jobs}) that never anchors one block twice on one
 * ledger, follows each anchor to finality, re-scans final anchors, marks vanished or forked ones broken,
 * raises an alert and re-anchors them; for the per-ledger lag and queue metrics; and for the registry of
 * ledgers ({@code anchoring.ledgers}, {@code /api/v1/ledgers}) with its live connectors and connectivity
 * check. Verification blocks come in through {@link io.cairn.anchoring.BlockFeed} and results go out
 * through {@link io.cairn.anchoring.AnchorOutcomes}; connectors are built by a
 * {@link io.cairn.anchoring.ConnectorFactory} and sign through a {@link io.cairn.anchoring.SignerFactory}.
 */
package io.cairn.anchoring;
