/**
 * Key custody in HashiCorp Vault's Transit secrets engine: backend {@code vault}.
 *
 * <p>Keys are generated inside Vault as Transit keys of type {@code ecdsa-p256} or {@code ed25519} that Transit
 * never exports ({@code exportable=false}, {@code allow_plaintext_backup=false}); Cairn asks Transit to sign
 * digests (ECDSA, {@code prehashed=true}, ASN.1 signatures turned into low-S {@code r, s}) or messages
 * (Ed25519) and reads public keys back. Handles pin a Transit key version; rotation adds a version. The
 * token comes from a file or the environment and never appears in messages. Vault unreachable, sealed or
 * refusing the token fails closed with {@link io.cairn.kernel.ErrorCode#SIGN_CUSTODY_UNAVAILABLE}.
 * Calls go through the vault-java-driver's generic logical API.
 */
package io.cairn.custody.vault;
