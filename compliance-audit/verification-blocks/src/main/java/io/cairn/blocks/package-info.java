/**
 * The application layer entry point and the filtering and ordering layer: applications and their message
 * schemas ({@link io.cairn.blocks.ApplicationRegistry}), source-signed messages whose payloads stay off-chain
 * and whose digests are journaled ({@link io.cairn.blocks.MessageIntake}), per-application verification blocks
 * sealed into a hash chain ({@link io.cairn.blocks.BlockSealer}, hashed by {@link io.cairn.blocks.BlockHashing}),
 * their per-ledger anchor states ({@link io.cairn.blocks.BlockAnchors}), the read side for proofs and evidence
 * ({@link io.cairn.blocks.VerificationBlocks}) and the HTTP API ({@link io.cairn.blocks.ApplicationsApi},
 * {@link io.cairn.blocks.BlocksApi}).
 */
package io.cairn.blocks;
