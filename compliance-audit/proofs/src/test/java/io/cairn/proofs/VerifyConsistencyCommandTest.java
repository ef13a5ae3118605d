package io.cairn.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.merkle.Hash;
import io.cairn.merkle.InMemoryTreeStore;
import io.cairn.merkle.TreeHasher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proof verify-consistency FILE}: every exit status and the edge cases of consistency. */
class VerifyConsistencyCommandTest {
    private static final InMemoryTreeStore JOURNAL = ProofTrees.journal(13);

    @TempDir
    Path dir;

    private CliRun verify(ConsistencyProofFile file) {
        Path path = dir.resolve("consistency.json");
        ProofFileWriter.write(file, path);
        return CliRun.of("verify-consistency", path.toString());
    }

    private static void assertInvalid(CliRun run, String why) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("INVALID: this file does not prove that the tree of").contains(why)
                .contains("[CAIRN-JOURNAL-0003]");
        assertThat(run.err()).isEmpty();
    }

    private static void assertValid(CliRun run, String what) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("VALID: ").contains(what);
        assertThat(run.out().lines()).hasSize(1);
    }

    @Test
    void publishedRfc6962VectorsAreValid() {
        for (String name : List.of("rfc6962-consistency-6-to-8.json", "rfc6962-consistency-1-to-8.json")) {
            Path file = ProofTrees.write(dir, name, ProofTrees.resource(name));
            assertValid(CliRun.of("verify-consistency", file.toString()), "extends the tree of");
        }
    }

    @Test
    void generatedProofsAreValid() {
        assertValid(verify(ProofTrees.consistency(JOURNAL, 6, 13)), "those 6 entries are unchanged");
        assertValid(verify(ProofTrees.consistency(JOURNAL, 8, 13)), "tree of 13 entries");
        assertValid(verify(ProofTrees.consistency(JOURNAL, 12, 13)), "tree of 12 entries");
    }

    @Test
    void equalSizesNeedEqualRootsAndAnEmptyProof() {
        ConsistencyProofFile same = ProofTrees.consistency(JOURNAL, 13, 13);
        assertThat(same.proof()).isEmpty();
        assertValid(verify(same), "same tree of 13 entries");
        assertInvalid(verify(new ConsistencyProofFile(13, 13, same.root1(), ProofTrees.someHash(), List.of())),
                "same size have different roots");
        assertInvalid(verify(new ConsistencyProofFile(13, 13, same.root1(), same.root2(), List.of(same.root1()))),
                "more hashes");
    }

    @Test
    void fromTheEmptyTree() {
        Hash empty = TreeHasher.emptyRoot();
        ConsistencyProofFile fromEmpty = ProofTrees.consistency(JOURNAL, 0, 13);
        assertThat(fromEmpty.root1()).isEqualTo(empty);
        assertValid(verify(fromEmpty), "extends the empty tree");
        assertValid(verify(new ConsistencyProofFile(0, 0, empty, empty, List.of())), "same tree of 0 entries");
        assertInvalid(verify(new ConsistencyProofFile(0, 13, ProofTrees.someHash(), fromEmpty.root2(), List.of())),
                "not the hash of empty input");
        assertInvalid(verify(new ConsistencyProofFile(0, 13, empty, fromEmpty.root2(), List.of(empty))),
                "more hashes");
    }

    @Test
    void shrinkingTreeIsInvalid() {
        ConsistencyProofFile good = ProofTrees.consistency(JOURNAL, 6, 13);
        assertInvalid(verify(new ConsistencyProofFile(13, 6, good.root2(), good.root1(), good.proof())),
                "earlier tree is claimed to be larger");
    }

    @Test
    void alteredRootsAreInvalid() {
        ConsistencyProofFile good = ProofTrees.consistency(JOURNAL, 6, 13);
        assertInvalid(verify(new ConsistencyProofFile(6, 13, ProofTrees.someHash(), good.root2(), good.proof())),
                "earlier tree's root");
        assertInvalid(verify(new ConsistencyProofFile(6, 13, good.root1(), ProofTrees.someHash(), good.proof())),
                "later tree's root");
        assertInvalid(verify(new ConsistencyProofFile(6, 13, good.root2(), good.root1(), good.proof())),
                "root");
    }

    @Test
    void truncatedPaddedAndEmptyProofsAreInvalid() {
        ConsistencyProofFile good = ProofTrees.consistency(JOURNAL, 6, 13);
        List<Hash> padded = new ArrayList<>(good.proof());
        padded.add(good.root2());
        assertInvalid(verify(new ConsistencyProofFile(6, 13, good.root1(), good.root2(),
                good.proof().subList(0, good.proof().size() - 1))), "fewer hashes");
        assertInvalid(verify(new ConsistencyProofFile(6, 13, good.root1(), good.root2(), padded)), "more hashes");
        assertInvalid(verify(new ConsistencyProofFile(6, 13, good.root1(), good.root2(), List.of())), "fewer hashes");
    }

    @Test
    void inclusionFileIsMalformedAsAConsistencyProof() {
        Path file = ProofTrees.write(dir, "inclusion.json", ProofTrees.resource("rfc6962-inclusion-0-of-8.json"));
        CliRun run = CliRun.of("verify-consistency", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("MALFORMED: ").contains("unknown field \"leafIdx\"")
                .contains("[CAIRN-JOURNAL-0002]");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpDescribesTheFormat() {
        CliRun run = CliRun.of("verify-consistency", "-h");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("size1").contains("root2").contains("Exit codes");
    }
}
