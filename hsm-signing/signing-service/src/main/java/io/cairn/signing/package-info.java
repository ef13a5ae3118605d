/**
 * The signing service: the registry and lifecycle of managed keys (create, rotate, disable, destroy with
 * approval) over the key custody SPI, per-key signing policy, idempotent signing requests, the Ethereum
 * nonce guard, m-of-n approvals, key-ceremony and signature records in the audit journal, the ledger formats
 * that bind the signature-formats module to {@code sign/<format>} (Ethereum transactions, personal_sign and
 * EIP-712, Fabric, Corda), and the HTTP resources {@code /api/v1/keys}, {@code /api/v1/approvals} and
 * {@code /api/v1/signing-requests}.
 *
 * <p>It fails closed: a backend that is not configured or not reachable, or an audit journal that cannot
 * record, means nothing is signed and nothing is released; no other backend is ever tried instead.
 */
package io.cairn.signing;
