package io.cairn.proofs;

import io.cairn.merkle.ConsistencyProof;
import io.cairn.merkle.Hash;
import io.cairn.merkle.ProofVerifier;
import io.cairn.merkle.VerificationResult;
import java.util.List;
import java.util.Objects;

/**
 * The content of a consistency proof file:
 * {@code {"size1": n, "size2": n, "root1": "<base64>", "root2": "<base64>", "proof": ["<base64>", ...]}}.
 *
 * @param size1 number of entries of the earlier tree
 * @param size2 number of entries of the later tree
 * @param root1 root of the earlier tree
 * @param root2 root of the later tree
 * @param proof the consistency proof
 */
public record ConsistencyProofFile(long size1, long size2, Hash root1, Hash root2, List<Hash> proof) {
    /** Rejects missing parts and copies the proof. */
    public ConsistencyProofFile {
        Objects.requireNonNull(root1, "root1");
        Objects.requireNonNull(root2, "root2");
        proof = List.copyOf(proof);
    }

    /**
     * The file for a generated proof.
     *
     * @param proof the proof
     * @param root1 root of the tree of {@code proof.size1()} entries
     * @param root2 root of the tree of {@code proof.size2()} entries
     * @return the file content
     */
    public static ConsistencyProofFile of(ConsistencyProof proof, Hash root1, Hash root2) {
        return new ConsistencyProofFile(proof.size1(), proof.size2(), root1, root2, proof.path());
    }

    /** Verifies the proof (RFC 9162 section 2.1.4.2). */
    public VerificationResult verify() {
        return ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof);
    }
}
