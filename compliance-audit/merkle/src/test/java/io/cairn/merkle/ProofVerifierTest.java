package io.cairn.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rejection reason, and the edge cases of RFC 9162 verification. */
class ProofVerifierTest {
    private static final InMemoryTreeStore STORE = store(13);
    private static final Hash OTHER = TreeHasher.leafHash("other".getBytes(StandardCharsets.UTF_8));

    private static InMemoryTreeStore store(int size) {
        InMemoryTreeStore store = new InMemoryTreeStore();
        for (int i = 0; i < size; i++) {
            store.appendEntry(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        return store;
    }

    private static Hash leaf(long index) {
        return STORE.node(new NodeId(0, index));
    }

    private static Hash root(long size) {
        return ProofGenerator.root(STORE, size);
    }

    private static Optional<VerificationFailure> inclusion(long index, long size, Hash leaf, List<Hash> proof,
                                                           Hash root) {
        return ProofVerifier.verifyInclusion(index, size, leaf, proof, root).failure();
    }

    private static Optional<VerificationFailure> consistency(long size1, long size2, Hash root1, Hash root2,
                                                             List<Hash> proof) {
        return ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof).failure();
    }

    private static List<Hash> path(long index, long size) {
        return ProofGenerator.inclusion(STORE, index, size).path();
    }

    private static List<Hash> with(List<Hash> proof, Hash extra) {
        List<Hash> longer = new ArrayList<>(proof);
        longer.add(extra);
        return longer;
    }

    @Test
    void lastLeafOfAnUnbalancedTreeVerifies() {
        assertThat(inclusion(12, 13, leaf(12), path(12, 13), root(13))).isEmpty();
        assertThat(path(12, 13)).hasSize(2);
    }

    @Test
    void singleLeafTreeNeedsAnEmptyProofAndItsLeafAsRoot() {
        assertThat(inclusion(0, 1, leaf(0), List.of(), leaf(0))).isEmpty();
        assertThat(inclusion(0, 1, leaf(0), List.of(), OTHER)).contains(VerificationFailure.ROOT_MISMATCH);
        assertThat(inclusion(0, 1, leaf(0), List.of(leaf(0)), leaf(0))).contains(VerificationFailure.PROOF_TOO_LONG);
    }

    @Test
    void nothingIsIncludedInTheEmptyTree() {
        assertThat(inclusion(0, 0, leaf(0), List.of(), TreeHasher.emptyRoot()))
                .contains(VerificationFailure.LEAF_INDEX_OUT_OF_RANGE);
    }

    @Test
    void indexAtOrPastTheSizeIsOutOfRange() {
        assertThat(inclusion(13, 13, leaf(12), path(12, 13), root(13)))
                .contains(VerificationFailure.LEAF_INDEX_OUT_OF_RANGE);
        assertThat(inclusion(-1, 13, leaf(0), path(0, 13), root(13))).contains(VerificationFailure.NEGATIVE_NUMBER);
    }

    @Test
    void truncatedAndPaddedInclusionProofsAreNamed() {
        List<Hash> proof = path(5, 13);
        assertThat(inclusion(5, 13, leaf(5), proof.subList(0, proof.size() - 1), root(13)))
                .contains(VerificationFailure.PROOF_TOO_SHORT);
        assertThat(inclusion(5, 13, leaf(5), with(proof, OTHER), root(13)))
                .contains(VerificationFailure.PROOF_TOO_LONG);
        assertThat(inclusion(5, 13, OTHER, proof, root(13))).contains(VerificationFailure.ROOT_MISMATCH);
    }

    @Test
    void equalSizesNeedAnEmptyProofAndEqualRoots() {
        assertThat(consistency(7, 7, root(7), root(7), List.of())).isEmpty();
        assertThat(consistency(7, 7, root(7), root(8), List.of()))
                .contains(VerificationFailure.EQUAL_SIZES_DIFFERENT_ROOTS);
        assertThat(consistency(7, 7, root(7), root(7), List.of(root(7)))).contains(VerificationFailure.PROOF_TOO_LONG);
    }

    @Test
    void emptyTreesHaveExactlyOneRoot() {
        Hash empty = TreeHasher.emptyRoot();
        assertThat(consistency(0, 0, empty, empty, List.of())).isEmpty();
        assertThat(consistency(0, 13, empty, root(13), List.of())).isEmpty();
        assertThat(consistency(0, 13, OTHER, root(13), List.of()))
                .contains(VerificationFailure.EMPTY_TREE_ROOT_MISMATCH);
        assertThat(consistency(0, 0, OTHER, OTHER, List.of())).contains(VerificationFailure.EMPTY_TREE_ROOT_MISMATCH);
        assertThat(consistency(0, 13, empty, root(13), List.of(empty))).contains(VerificationFailure.PROOF_TOO_LONG);
        assertThat(empty.hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void shrinkingTreesAndNegativeSizesAreRejected() {
        assertThat(consistency(13, 5, root(13), root(5), List.of()))
                .contains(VerificationFailure.SIZE1_GREATER_THAN_SIZE2);
        assertThat(consistency(-1, 5, root(13), root(5), List.of())).contains(VerificationFailure.NEGATIVE_NUMBER);
    }

    @Test
    void consistencyRootMismatchesNameTheTreeThatDoesNotMatch() {
        List<Hash> proof = ProofGenerator.consistency(STORE, 6, 13).path();
        assertThat(consistency(6, 13, root(6), root(13), proof)).isEmpty();
        assertThat(consistency(6, 13, OTHER, root(13), proof)).contains(VerificationFailure.OLD_ROOT_MISMATCH);
        assertThat(consistency(6, 13, root(6), OTHER, proof)).contains(VerificationFailure.NEW_ROOT_MISMATCH);
        assertThat(consistency(6, 13, root(6), root(13), proof.subList(1, proof.size())))
                .contains(VerificationFailure.PROOF_TOO_SHORT);
        assertThat(consistency(6, 13, root(6), root(13), List.of())).contains(VerificationFailure.PROOF_TOO_SHORT);
    }

    @Test
    void powerOfTwoOldTreeUsesItsRootAsTheFirstHash() {
        List<Hash> proof = ProofGenerator.consistency(STORE, 8, 13).path();
        assertThat(proof).doesNotContain(root(8));
        assertThat(consistency(8, 13, root(8), root(13), proof)).isEmpty();
        assertThat(consistency(8, 13, OTHER, root(13), proof)).contains(VerificationFailure.NEW_ROOT_MISMATCH);
    }

    @Test
    void everyFailureExplainsItselfInWords() {
        for (VerificationFailure failure : VerificationFailure.values()) {
            assertThat(failure.explanation()).isNotBlank().doesNotContain("_");
        }
        VerificationResult result = ProofVerifier.verifyInclusion(5, 13, leaf(5), List.of(), root(13));
        assertThat(result.detail()).contains("0 hashes").contains("expected 4");
    }

    @Test
    void proofsBindHashesNotSizesSoSizesMustComeFromASignedCheckpoint() {
        InMemoryTreeStore eight = store(8);
        Hash root8 = ProofGenerator.root(eight, 8);
        List<Hash> path = ProofGenerator.inclusion(eight, 0, 8).path();
        assertThat(ProofVerifier.verifyInclusion(0, 8, eight.node(new NodeId(0, 0)), path, root8).isValid()).isTrue();
        assertThat(ProofVerifier.verifyInclusion(0, 7, eight.node(new NodeId(0, 0)), path, root8).isValid())
                .as("same path shape for size 7: RFC 9162 verification cannot tell the sizes apart").isTrue();
        assertThat(ProofVerifier.verifyInclusion(6, 7, eight.node(new NodeId(0, 6)),
                ProofGenerator.inclusion(eight, 6, 8).path(), root8).isValid()).isFalse();
    }
}
