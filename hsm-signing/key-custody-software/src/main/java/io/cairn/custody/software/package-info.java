/**
 * The development-only software key custody: keys generated with BouncyCastle, RFC 6979 deterministic
 * ECDSA on secp256k1 and P-256, Ed25519, private keys sealed at rest with AES-256-GCM under a master key
 * and kept in a {@link io.cairn.custody.software.SealedKeyRepository} (in memory or in PostgreSQL).
 *
 * <p>Private keys are plaintext in this process's memory while in use: this backend never claims
 * hardware custody and its attestations say so.
 */
package io.cairn.custody.software;
