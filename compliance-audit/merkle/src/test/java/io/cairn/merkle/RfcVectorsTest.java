package io.cairn.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 6962 reference tree (eight leaves) with its published roots, inclusion paths and
 * consistency proofs, extended to every proof of every tree up to eight leaves and to mutated
 * proofs that must fail. The files are written by {@code src/test/vectors/generate_vectors.py}.
 */
class RfcVectorsTest {
    private static final Map<String, Object> TREE = tree();
    private static final InMemoryTreeStore STORE = referenceStore();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree() {
        return (Map<String, Object>) VectorJson.resource("/vectors/tree.json");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    private static InMemoryTreeStore referenceStore() {
        InMemoryTreeStore store = new InMemoryTreeStore();
        strings(TREE.get("leaves")).forEach(hex -> store.appendEntry(HexFormat.of().parseHex(hex)));
        return store;
    }

    private static List<Hash> hashes(Object value) {
        return strings(value).stream().map(Hash::fromBase64).toList();
    }

    private static long number(Map<String, Object> vector, String key) {
        return (Long) vector.get(key);
    }

    @Test
    void referenceTreeHasEightLeaves() {
        assertThat(STORE.size()).isEqualTo(8);
        assertThat(strings(TREE.get("roots"))).hasSize(9);
    }

    @Test
    void rootsOfEveryPrefixMatchThePublishedRoots() {
        List<Hash> roots = hashes(TREE.get("roots"));
        RootBuilder builder = new RootBuilder();
        CompactRange range = CompactRange.empty();
        List<String> leaves = strings(TREE.get("leaves"));
        for (int size = 0; size <= leaves.size(); size++) {
            assertThat(builder.root()).as("streaming root of %d", size).isEqualTo(roots.get(size));
            assertThat(range.root()).as("compact range root of %d", size).isEqualTo(roots.get(size));
            assertThat(ProofGenerator.root(STORE, size)).as("stored root of %d", size).isEqualTo(roots.get(size));
            if (size < leaves.size()) {
                byte[] entry = HexFormat.of().parseHex(leaves.get(size));
                builder.appendEntry(entry);
                range.append(TreeHasher.leafHash(entry));
            }
        }
    }

    @Test
    void publishedEightLeafRootIsKnown() {
        assertThat(ProofGenerator.root(STORE, 8).hex())
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    static Stream<Map<String, Object>> inclusionVectors() {
        return VectorJson.cases("/vectors/inclusion.json").stream();
    }

    static Stream<Map<String, Object>> consistencyVectors() {
        return VectorJson.cases("/vectors/consistency.json").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionVectors")
    void inclusionVector(Map<String, Object> vector) {
        long leafIndex = number(vector, "leafIdx");
        long treeSize = number(vector, "treeSize");
        List<Hash> proof = hashes(vector.get("proof"));
        VerificationResult result = ProofVerifier.verifyInclusion(leafIndex, treeSize,
                Hash.fromBase64((String) vector.get("leafHash")), proof, Hash.fromBase64((String) vector.get("root")));
        boolean wantErr = (Boolean) vector.get("wantErr");
        assertThat(result.isValid()).as("%s: %s", vector.get("desc"), result).isEqualTo(!wantErr);
        if (!wantErr) {
            assertThat(ProofGenerator.inclusion(STORE, leafIndex, treeSize).path()).isEqualTo(proof);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyVectors")
    void consistencyVector(Map<String, Object> vector) {
        long size1 = number(vector, "size1");
        long size2 = number(vector, "size2");
        List<Hash> proof = hashes(vector.get("proof"));
        VerificationResult result = ProofVerifier.verifyConsistency(size1, size2,
                Hash.fromBase64((String) vector.get("root1")), Hash.fromBase64((String) vector.get("root2")), proof);
        boolean wantErr = (Boolean) vector.get("wantErr");
        assertThat(result.isValid()).as("%s: %s", vector.get("desc"), result).isEqualTo(!wantErr);
        if (!wantErr) {
            assertThat(ProofGenerator.consistency(STORE, size1, size2).path()).isEqualTo(proof);
        }
    }

    @Test
    void vectorFilesHoldBothValidAndInvalidCases() {
        assertThat(inclusionVectors().filter(v -> (Boolean) v.get("wantErr")).count()).isGreaterThan(500);
        assertThat(inclusionVectors().filter(v -> !(Boolean) v.get("wantErr")).count()).isEqualTo(36);
        assertThat(consistencyVectors().filter(v -> (Boolean) v.get("wantErr")).count()).isGreaterThan(500);
        assertThat(consistencyVectors().filter(v -> !(Boolean) v.get("wantErr")).count()).isEqualTo(48);
    }
}
