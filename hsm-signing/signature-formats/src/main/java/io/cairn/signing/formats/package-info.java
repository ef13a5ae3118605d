/**
 * Ledger signature formats on top of the key custody SPI.
 *
 * <p>Signing is an offline seam: a caller hands bytes or a transaction description, the format computes
 * the digest (Keccak-256 for Ethereum, SHA-256 for Fabric and Corda ECDSA), asks a
 * {@link io.cairn.custody.spi.KeyCustody} to sign it with a key named by its
 * {@link io.cairn.custody.spi.KeyHandle}, and assembles the ledger's encoding: signed raw Ethereum
 * transactions with EIP-155 {@code v} or EIP-1559 {@code yParity}, {@code personal_sign} and EIP-712
 * signatures, Fabric DER signatures, Corda transaction signatures in Corda's scheme terms, and raw digest
 * signatures for certificates, checkpoints and report seals. Private key material never appears here.
 *
 * <p>Failures are {@link io.cairn.kernel.CairnException}s with {@code SIGN} codes: an input that does not
 * fit the format or the key's curve is {@link io.cairn.kernel.ErrorCode#SIGN_INVALID_INPUT}; custody errors
 * pass through unchanged.
 */
package io.cairn.signing.formats;
