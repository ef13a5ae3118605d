package io.cairn.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over random tree sizes up to a few thousand leaves: all root builders agree with the
 * recursive definition, generated proofs verify, and every single-bit flip, truncation, extension
 * and wrong index is rejected.
 */
class MerklePropertiesTest {
    private static final int MAX_SIZE = 3000;
    private static final InMemoryTreeStore TREE = tree(MAX_SIZE);

    private static InMemoryTreeStore tree(int size) {
        InMemoryTreeStore store = new InMemoryTreeStore();
        for (int i = 0; i < size; i++) {
            store.appendEntry(ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
        }
        return store;
    }

    private static Hash leaf(long index) {
        return TREE.node(new NodeId(0, index));
    }

    /** MTH of RFC 9162 section 2.1.1, written recursively and independently of the code under test. */
    private static Hash referenceRoot(List<Hash> leaves) {
        if (leaves.isEmpty()) {
            return TreeHasher.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int split = Integer.highestOneBit(leaves.size() - 1);
        return TreeHasher.nodeHash(referenceRoot(leaves.subList(0, split)),
                referenceRoot(leaves.subList(split, leaves.size())));
    }

    private static Hash flip(Hash hash, int bit) {
        byte[] bytes = hash.bytes();
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return Hash.of(bytes);
    }

    private static List<Hash> replaced(List<Hash> proof, int position, Hash hash) {
        List<Hash> copy = new ArrayList<>(proof);
        copy.set(position, hash);
        return copy;
    }

    static Stream<RandomCases.Case> sizes() {
        return RandomCases.of(List.of(new int[] {0}, new int[] {1}, new int[] {2}, new int[] {3}, new int[] {4},
                        new int[] {5}, new int[] {1023}, new int[] {1024}, new int[] {1025}, new int[] {MAX_SIZE}),
                100, random -> new int[] {random.nextInt(MAX_SIZE + 1)});
    }

    /** size in [1, MAX], index in [0, size), another index in [0, size) different when size > 1, bit in [0, 256). */
    static Stream<RandomCases.Case> inclusionCases() {
        return RandomCases.of(List.of(new int[] {1, 0, 0, 0}, new int[] {2, 1, 0, 255}, new int[] {3, 2, 1, 7},
                        new int[] {8, 7, 6, 128}, new int[] {1025, 1024, 0, 1}, new int[] {MAX_SIZE, MAX_SIZE - 1, 0, 9}),
                200, random -> {
                    int size = 1 + random.nextInt(MAX_SIZE);
                    int index = random.nextInt(size);
                    int other = size == 1 ? index : (index + 1 + random.nextInt(size - 1)) % size;
                    return new int[] {size, index, other, random.nextInt(256)};
                });
    }

    /** size1 in [1, size2), size2 in [2, MAX], bit in [0, 256). */
    static Stream<RandomCases.Case> consistencyCases() {
        return RandomCases.of(List.of(new int[] {1, 2, 0}, new int[] {2, 3, 31}, new int[] {4, 8, 100},
                        new int[] {7, 8, 200}, new int[] {1024, 1025, 3}, new int[] {1, MAX_SIZE, 255}),
                200, random -> {
                    int size2 = 2 + random.nextInt(MAX_SIZE - 1);
                    return new int[] {1 + random.nextInt(size2 - 1), size2, random.nextInt(256)};
                });
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void allRootBuildersAgreeWithTheRecursiveDefinition(RandomCases.Case c) {
        int size = c.get(0);
        List<Hash> leaves = new ArrayList<>();
        RootBuilder builder = new RootBuilder();
        CompactRange range = CompactRange.empty();
        InMemoryTreeStore own = new InMemoryTreeStore();
        for (int i = 0; i < size; i++) {
            leaves.add(leaf(i));
            builder.appendLeafHash(leaf(i));
            range.append(leaf(i));
            own.appendLeafHash(leaf(i));
        }
        Hash expected = referenceRoot(leaves);
        assertThat(builder.root()).isEqualTo(expected);
        assertThat(range.root()).isEqualTo(expected);
        assertThat(ProofGenerator.root(TREE, size)).isEqualTo(expected);
        assertThat(ProofGenerator.root(own, size)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "size, index, other index, bit {0}")
    @MethodSource("inclusionCases")
    void generatedInclusionProofsVerify(RandomCases.Case c) {
        int size = c.get(0);
        int index = c.get(1);
        InclusionProof proof = ProofGenerator.inclusion(TREE, index, size);
        assertThat(proof.verify(leaf(index), ProofGenerator.root(TREE, size)).isValid()).isTrue();
        assertThat(proof.path()).hasSize(ProofShape.inclusionLength(index, size));
    }

    @ParameterizedTest(name = "size, index, other index, bit {0}")
    @MethodSource("inclusionCases")
    void tamperedInclusionProofsFail(RandomCases.Case c) {
        int size = c.get(0);
        int index = c.get(1);
        int bit = c.get(3);
        Hash root = ProofGenerator.root(TREE, size);
        List<Hash> path = ProofGenerator.inclusion(TREE, index, size).path();
        assertThat(ProofVerifier.verifyInclusion(index, size, flip(leaf(index), bit), path, root).isValid()).isFalse();
        assertThat(ProofVerifier.verifyInclusion(index, size, leaf(index), path, flip(root, bit)).isValid()).isFalse();
        if (c.get(2) != index) {
            assertThat(ProofVerifier.verifyInclusion(c.get(2), size, leaf(index), path, root).isValid())
                    .as("wrong index").isFalse();
        }
        assertThat(ProofVerifier.verifyInclusion(size, size, leaf(index), path, root).isValid()).isFalse();
        List<Hash> longer = new ArrayList<>(path);
        longer.add(flip(root, bit));
        assertThat(ProofVerifier.verifyInclusion(index, size, leaf(index), longer, root).isValid()).isFalse();
        for (int i = 0; i < path.size(); i++) {
            assertThat(ProofVerifier.verifyInclusion(index, size, leaf(index),
                    replaced(path, i, flip(path.get(i), bit)), root).isValid()).as("flip in proof[%d]", i).isFalse();
            assertThat(ProofVerifier.verifyInclusion(index, size, leaf(index), path.subList(0, i), root).isValid())
                    .as("truncated to %d", i).isFalse();
        }
    }

    @ParameterizedTest(name = "size1, size2, bit {0}")
    @MethodSource("consistencyCases")
    void generatedConsistencyProofsVerify(RandomCases.Case c) {
        for (int size1 : new int[] {0, c.get(0), c.get(1)}) {
            int size2 = c.get(1);
            ConsistencyProof proof = ProofGenerator.consistency(TREE, size1, size2);
            assertThat(proof.verify(ProofGenerator.root(TREE, size1), ProofGenerator.root(TREE, size2)).isValid())
                    .as("%d -> %d", size1, size2).isTrue();
            assertThat(proof.path().isEmpty()).isEqualTo(size1 == 0 || size1 == size2);
        }
    }

    @ParameterizedTest(name = "size1, size2, bit {0}")
    @MethodSource("consistencyCases")
    void tamperedConsistencyProofsFail(RandomCases.Case c) {
        int size1 = c.get(0);
        int size2 = c.get(1);
        int bit = c.get(2);
        Hash root1 = ProofGenerator.root(TREE, size1);
        Hash root2 = ProofGenerator.root(TREE, size2);
        List<Hash> path = ProofGenerator.consistency(TREE, size1, size2).path();
        assertThat(ProofVerifier.verifyConsistency(size1, size2, flip(root1, bit), root2, path).isValid()).isFalse();
        assertThat(ProofVerifier.verifyConsistency(size1, size2, root1, flip(root2, bit), path).isValid()).isFalse();
        assertThat(ProofVerifier.verifyConsistency(size2, size1, root2, root1, path).isValid()).isFalse();
        List<Hash> longer = new ArrayList<>(path);
        longer.add(root2);
        assertThat(ProofVerifier.verifyConsistency(size1, size2, root1, root2, longer).isValid()).isFalse();
        for (int i = 0; i < path.size(); i++) {
            assertThat(ProofVerifier.verifyConsistency(size1, size2, root1, root2,
                    replaced(path, i, flip(path.get(i), bit))).isValid()).as("flip in proof[%d]", i).isFalse();
            assertThat(ProofVerifier.verifyConsistency(size1, size2, root1, root2, path.subList(0, i)).isValid())
                    .as("truncated to %d", i).isFalse();
        }
    }
}
