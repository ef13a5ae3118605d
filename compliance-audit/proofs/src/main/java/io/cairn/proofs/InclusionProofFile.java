package io.cairn.proofs;

import io.cairn.merkle.Hash;
import io.cairn.merkle.InclusionProof;
import io.cairn.merkle.ProofVerifier;
import io.cairn.merkle.VerificationResult;
import java.util.List;
import java.util.Objects;

/**
 * The content of an inclusion proof file:
 * {@code {"leafIdx": n, "treeSize": n, "root": "<base64>", "leafHash": "<base64>", "proof": ["<base64>", ...]}}.
 *
 * @param leafIdx  zero-based position of the entry in the journal
 * @param treeSize number of entries of the tree (checkpoint) the proof leads to
 * @param root     root of that tree
 * @param leafHash {@code SHA-256(0x00 || entry)}
 * @param proof    the inclusion path, from the leaf upwards
 */
public record InclusionProofFile(long leafIdx, long treeSize, Hash root, Hash leafHash, List<Hash> proof) {
    /** Rejects missing parts and copies the proof. */
    public InclusionProofFile {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(leafHash, "leafHash");
        proof = List.copyOf(proof);
    }

    /**
     * The file for a generated proof.
     *
     * @param proof    the proof
     * @param leafHash the leaf hash of the proven entry
     * @param root     the root of the tree of {@code proof.treeSize()} entries
     * @return the file content
     */
    public static InclusionProofFile of(InclusionProof proof, Hash leafHash, Hash root) {
        return new InclusionProofFile(proof.leafIndex(), proof.treeSize(), root, leafHash, proof.path());
    }

    /** Verifies the proof (RFC 9162 section 2.1.3.2). */
    public VerificationResult verify() {
        return ProofVerifier.verifyInclusion(leafIdx, treeSize, leafHash, proof, root);
    }
}
