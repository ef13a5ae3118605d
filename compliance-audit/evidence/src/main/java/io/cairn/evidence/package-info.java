/**
 * Evidence bundles: everything a regulator needs to check an application's audit trail offline.
 *
 * <p>This package is responsible for the bundle format ({@code cairn-evidence/v1}, a deterministic zip
 * described in {@code docs/evidence-bundle.md}), for exporting bundles from the journal and the
 * verification blocks ({@link io.cairn.evidence.EvidenceExporter}, {@link io.cairn.evidence.EvidenceApi}),
 * for verifying them with no database and no network ({@link io.cairn.evidence.BundleVerifier}), optionally
 * checking EVM anchors over JSON-RPC ({@code eth_getTransactionReceipt}), and for the
 * {@code cairn audit verify} command ({@link io.cairn.evidence.AuditCommand}).
 */
package io.cairn.evidence;
