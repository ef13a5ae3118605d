package io.cairn.merkle;

import java.util.List;

/**
 * An inclusion proof (RFC 9162 section 2.1.3): the hashes that, combined with leaf
 * {@code leafIndex}'s hash, give the root of the tree of {@code treeSize} leaves.
 *
 * @param leafIndex zero-based index of the leaf
 * @param treeSize  number of leaves of the tree whose root the proof leads to
 * @param path      sibling hashes from the leaf upwards
 */
public record InclusionProof(long leafIndex, long treeSize, List<Hash> path) {
    /** Copies the path. */
    public InclusionProof {
        path = List.copyOf(path);
    }

    /**
     * Verifies this proof (RFC 9162 section 2.1.3.2).
     *
     * @param leafHash the leaf hash of the entry
     * @param root     the root the proof should lead to
     * @return the verdict
     */
    public VerificationResult verify(Hash leafHash, Hash root) {
        return ProofVerifier.verifyInclusion(leafIndex, treeSize, leafHash, path, root);
    }
}
