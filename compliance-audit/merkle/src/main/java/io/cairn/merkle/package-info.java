/**
 * RFC 6962 / RFC 9162 Merkle trees for Cairn's journal and verification blocks.
 *
 * <p>This package is responsible for hashing entries into a Merkle tree
 * ({@code leaf = SHA-256(0x00 || entry)}, {@code node = SHA-256(0x01 || left || right)}, the empty
 * tree's root is {@code SHA-256("")}), for building roots quickly ({@link io.cairn.merkle.RootBuilder}),
 * for keeping the right edge of a growing tree ({@link io.cairn.merkle.CompactRange}), for generating
 * inclusion and consistency proofs from any {@link io.cairn.merkle.TreeStore}, and for verifying those
 * proofs exactly as RFC 9162 sections 2.1.3.2 and 2.1.4.2 prescribe ({@link io.cairn.merkle.ProofVerifier}).
 *
 * <p>It depends on nothing but the JDK, so that auditors can read all of it in one sitting.
 */
package io.cairn.merkle;
