package io.cairn.merkle;

import java.util.List;

/**
 * A consistency proof (RFC 9162 section 2.1.4): the hashes that show the tree of {@code size1}
 * leaves is a prefix of the tree of {@code size2} leaves.
 *
 * @param size1 size of the older tree
 * @param size2 size of the newer tree
 * @param path  the proof's hashes, in RFC order
 */
public record ConsistencyProof(long size1, long size2, List<Hash> path) {
    /** Copies the path. */
    public ConsistencyProof {
        path = List.copyOf(path);
    }

    /**
     * Verifies this proof (RFC 9162 section 2.1.4.2).
     *
     * @param root1 root of the older tree
     * @param root2 root of the newer tree
     * @return the verdict
     */
    public VerificationResult verify(Hash root1, Hash root2) {
        return ProofVerifier.verifyConsistency(size1, size2, root1, root2, path);
    }
}
