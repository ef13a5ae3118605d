package io.cairn.merkle;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies inclusion and consistency proofs exactly as RFC 9162 sections 2.1.3.2 and 2.1.4.2
 * prescribe, and says why when a proof fails.
 *
 * <p>Before hashing, the expected proof length is derived from the sizes, so that truncated and
 * padded proofs are named as such instead of as a root mismatch; the hashing loops are the RFC's.
 * Beyond the RFC loops, which assume {@code 0 < size1 < size2}, the rules of section 2.1.4 apply:
 * trees of equal size need an empty proof and equal roots, a proof from the empty tree is empty, and
 * the root of the empty tree must be {@code SHA-256("")}.
 *
 * <p>Note that an inclusion or consistency proof binds hashes, not sizes: a proof may also verify
 * against a different size whose tree has the same shape along the proof's path. Callers must take
 * the sizes from a signed checkpoint, never from the proof's supplier alone.
 */
public final class ProofVerifier {
    private ProofVerifier() {
    }

    /**
     * Verifies that the leaf with hash {@code leafHash} is at {@code leafIndex} in the tree of
     * {@code treeSize} leaves whose root is {@code root}.
     *
     * @param leafIndex zero-based position of the leaf
     * @param treeSize  number of leaves of the tree
     * @param leafHash  {@code SHA-256(0x00 || entry)}
     * @param proof     the inclusion path, from the leaf upwards
     * @param root      the tree's root
     * @return the verdict
     */
    public static VerificationResult verifyInclusion(long leafIndex, long treeSize, Hash leafHash, List<Hash> proof,
                                                     Hash root) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(proof, "proof");
        if (leafIndex < 0 || treeSize < 0) {
            return VerificationResult.invalid(VerificationFailure.NEGATIVE_NUMBER,
                    "entry position " + leafIndex + ", tree size " + treeSize);
        }
        if (leafIndex >= treeSize) {
            return VerificationResult.invalid(VerificationFailure.LEAF_INDEX_OUT_OF_RANGE, treeSize == 0
                    ? "the tree is empty, so it contains no entry"
                    : "entry position " + leafIndex + " is not below the tree size " + treeSize);
        }
        int expected = ProofShape.inclusionLength(leafIndex, treeSize);
        Optional<VerificationResult> length = checkLength(expected, proof.size(),
                "entry " + leafIndex + " of a tree of " + treeSize + " entries");
        if (length.isPresent()) {
            return length.get();
        }
        Hash computed = rootFromInclusionPath(leafIndex, treeSize, leafHash, proof);
        if (!computed.equals(root)) {
            return VerificationResult.invalid(VerificationFailure.ROOT_MISMATCH,
                    "computed root " + computed.base64() + ", claimed root " + root.base64());
        }
        return VerificationResult.valid("entry " + leafIndex + " is included in the tree of " + treeSize
                + " entries with root " + root.base64());
    }

    /**
     * Verifies that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree
     * of {@code size2} leaves with root {@code root2}.
     *
     * @param size1 size of the earlier tree
     * @param size2 size of the later tree
     * @param root1 root of the earlier tree
     * @param root2 root of the later tree
     * @param proof the consistency proof
     * @return the verdict
     */
    public static VerificationResult verifyConsistency(long size1, long size2, Hash root1, Hash root2,
                                                       List<Hash> proof) {
        Objects.requireNonNull(root1, "root1");
        Objects.requireNonNull(root2, "root2");
        Objects.requireNonNull(proof, "proof");
        Optional<VerificationResult> trivial = checkTrivialConsistency(size1, size2, root1, root2, proof);
        if (trivial.isPresent()) {
            return trivial.get();
        }
        int expected = ProofShape.consistencyLength(size1, size2);
        Optional<VerificationResult> length = checkLength(expected, proof.size(),
                "trees of " + size1 + " and " + size2 + " entries");
        if (length.isPresent()) {
            return length.get();
        }
        return consistencyLoop(size1, size2, root1, root2, proof);
    }

    /** The sizes the RFC loop does not cover: negative, shrinking, equal and from-empty. */
    private static Optional<VerificationResult> checkTrivialConsistency(long size1, long size2, Hash root1,
                                                                        Hash root2, List<Hash> proof) {
        if (size1 < 0 || size2 < 0) {
            return Optional.of(VerificationResult.invalid(VerificationFailure.NEGATIVE_NUMBER,
                    "tree sizes " + size1 + " and " + size2));
        }
        if (size1 > size2) {
            return Optional.of(VerificationResult.invalid(VerificationFailure.SIZE1_GREATER_THAN_SIZE2,
                    "earlier size " + size1 + ", later size " + size2));
        }
        if (size1 != 0 && size1 != size2) {
            return Optional.empty();
        }
        Optional<VerificationResult> length = checkLength(0, proof.size(), size1 == 0
                ? "a proof from the empty tree" : "two trees of the same size " + size1);
        if (length.isPresent()) {
            return length;
        }
        if (size1 == size2 && !root1.equals(root2)) {
            return Optional.of(VerificationResult.invalid(VerificationFailure.EQUAL_SIZES_DIFFERENT_ROOTS,
                    "size " + size1 + ", roots " + root1.base64() + " and " + root2.base64()));
        }
        if (size1 == 0 && !root1.equals(TreeHasher.emptyRoot())) {
            return Optional.of(VerificationResult.invalid(VerificationFailure.EMPTY_TREE_ROOT_MISMATCH,
                    "claimed " + root1.base64() + ", expected " + TreeHasher.emptyRoot().base64()));
        }
        return Optional.of(VerificationResult.valid(size1 == size2
                ? "both trees have " + size1 + " entries and the same root"
                : "every tree extends the empty tree"));
    }

    private static Optional<VerificationResult> checkLength(int expected, int actual, String what) {
        if (actual == expected) {
            return Optional.empty();
        }
        VerificationFailure failure = actual < expected
                ? VerificationFailure.PROOF_TOO_SHORT : VerificationFailure.PROOF_TOO_LONG;
        return Optional.of(VerificationResult.invalid(failure,
                "the proof has " + actual + " hashes, expected " + expected + " for " + what));
    }

    /** RFC 9162 section 2.1.3.2 steps 2 to 4; the path length has been checked. */
    private static Hash rootFromInclusionPath(long leafIndex, long treeSize, Hash leafHash, List<Hash> proof) {
        MessageDigest digest = TreeHasher.threadDigest();
        byte[] r = leafHash.bytes();
        long fn = leafIndex;
        long sn = treeSize - 1;
        for (Hash p : proof) {
            if ((fn & 1) == 1 || fn == sn) {
                TreeHasher.nodeHash(digest, p.raw(), 0, r, 0, r, 0);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                TreeHasher.nodeHash(digest, r, 0, p.raw(), 0, r, 0);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return Hash.wrap(r);
    }

    /** RFC 9162 section 2.1.4.2 steps 2 to 7 for {@code 0 < size1 < size2}; the length has been checked. */
    private static VerificationResult consistencyLoop(long size1, long size2, Hash root1, Hash root2,
                                                      List<Hash> proof) {
        MessageDigest digest = TreeHasher.threadDigest();
        boolean prepend = ProofShape.isPowerOfTwo(size1);
        Hash first = prepend ? root1 : proof.get(0);
        byte[] fr = first.bytes();
        byte[] sr = first.bytes();
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        for (Hash c : prepend ? proof : proof.subList(1, proof.size())) {
            if ((fn & 1) == 1 || fn == sn) {
                TreeHasher.nodeHash(digest, c.raw(), 0, fr, 0, fr, 0);
                TreeHasher.nodeHash(digest, c.raw(), 0, sr, 0, sr, 0);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                TreeHasher.nodeHash(digest, sr, 0, c.raw(), 0, sr, 0);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return consistencyVerdict(size1, size2, root1, root2, Hash.wrap(fr), Hash.wrap(sr));
    }

    private static VerificationResult consistencyVerdict(long size1, long size2, Hash root1, Hash root2,
                                                         Hash fr, Hash sr) {
        if (!fr.equals(root1)) {
            return VerificationResult.invalid(VerificationFailure.OLD_ROOT_MISMATCH,
                    "computed earlier root " + fr.base64() + ", claimed " + root1.base64());
        }
        if (!sr.equals(root2)) {
            return VerificationResult.invalid(VerificationFailure.NEW_ROOT_MISMATCH,
                    "computed later root " + sr.base64() + ", claimed " + root2.base64());
        }
        return VerificationResult.valid("the tree of " + size2 + " entries extends the tree of " + size1
                + " entries");
    }
}
