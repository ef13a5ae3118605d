/**
 * Proof files and the offline proof verifier commands of the {@code cairn} CLI.
 *
 * <p>This package is responsible for the two JSON proof file formats (inclusion and consistency,
 * base64 SHA-256 values), for reading them strictly ({@link io.cairn.proofs.ProofFileReader}) and
 * writing them ({@link io.cairn.proofs.ProofFileWriter}), and for the picocli commands
 * {@code proof verify-inclusion} and {@code proof verify-consistency}
 * ({@link io.cairn.proofs.ProofCommand}), which check a file with no database and no network and
 * exit 0 (valid), 1 (invalid) or 2 (malformed or unreadable file).
 */
package io.cairn.proofs;
