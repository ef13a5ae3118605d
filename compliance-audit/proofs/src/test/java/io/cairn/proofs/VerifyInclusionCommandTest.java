package io.cairn.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.merkle.Hash;
import io.cairn.merkle.InMemoryTreeStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proof verify-inclusion FILE}: every exit status and the edge cases of inclusion. */
class VerifyInclusionCommandTest {
    private static final InMemoryTreeStore JOURNAL = ProofTrees.journal(13);

    @TempDir
    Path dir;

    private CliRun verify(InclusionProofFile file) {
        Path path = dir.resolve("inclusion.json");
        ProofFileWriter.write(file, path);
        return CliRun.of("verify-inclusion", path.toString());
    }

    private static void assertInvalid(CliRun run, String why) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("INVALID: this file does not prove that entry").contains(why)
                .contains("[CAIRN-JOURNAL-0003]");
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void publishedRfc6962VectorsAreValid() {
        for (String name : List.of("rfc6962-inclusion-0-of-8.json", "rfc6962-inclusion-5-of-8.json")) {
            Path file = ProofTrees.write(dir, name, ProofTrees.resource(name));
            CliRun run = CliRun.of("verify-inclusion", file.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("VALID: entry ").contains("tree of 8 entries")
                    .contains("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");
            assertThat(run.out().lines()).hasSize(1);
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void lastLeafFirstLeafAndSingleLeafTreesAreValid() {
        assertThat(verify(ProofTrees.inclusion(JOURNAL, 12, 13)).exitCode()).isZero();
        assertThat(verify(ProofTrees.inclusion(JOURNAL, 0, 13)).exitCode()).isZero();
        assertThat(verify(ProofTrees.inclusion(JOURNAL, 7, 8)).exitCode()).isZero();
        CliRun single = verify(ProofTrees.inclusion(JOURNAL, 0, 1));
        assertThat(single.exitCode()).isZero();
        assertThat(single.out()).contains("0 proof hashes checked");
    }

    @Test
    void wrongRootIsInvalid() {
        InclusionProofFile good = ProofTrees.inclusion(JOURNAL, 5, 13);
        assertInvalid(verify(new InclusionProofFile(5, 13, ProofTrees.someHash(), good.leafHash(), good.proof())),
                "does not give the claimed tree root");
    }

    @Test
    void wrongEntryIsInvalid() {
        InclusionProofFile good = ProofTrees.inclusion(JOURNAL, 5, 13);
        assertInvalid(verify(new InclusionProofFile(5, 13, good.root(), ProofTrees.someHash(), good.proof())),
                "does not give the claimed tree root");
        assertInvalid(verify(new InclusionProofFile(4, 13, good.root(), good.leafHash(), good.proof())),
                "does not give the claimed tree root");
    }

    @Test
    void truncatedAndPaddedProofsAreInvalid() {
        InclusionProofFile good = ProofTrees.inclusion(JOURNAL, 5, 13);
        List<Hash> padded = new ArrayList<>(good.proof());
        padded.add(good.root());
        assertInvalid(verify(new InclusionProofFile(5, 13, good.root(), good.leafHash(),
                good.proof().subList(0, good.proof().size() - 1))), "fewer hashes");
        assertInvalid(verify(new InclusionProofFile(5, 13, good.root(), good.leafHash(), padded)), "more hashes");
    }

    @Test
    void entryOutsideTheTreeIsInvalid() {
        InclusionProofFile good = ProofTrees.inclusion(JOURNAL, 12, 13);
        assertInvalid(verify(new InclusionProofFile(13, 13, good.root(), good.leafHash(), good.proof())),
                "not inside the tree");
    }

    @Test
    void nothingIsIncludedInTheEmptyTree() {
        InclusionProofFile good = ProofTrees.inclusion(JOURNAL, 0, 1);
        CliRun run = verify(new InclusionProofFile(0, 0, good.root(), good.leafHash(), List.of()));
        assertInvalid(run, "not inside the tree");
        assertThat(run.out()).contains("the tree is empty");
    }

    @Test
    void missingFileIsUnreadable() {
        CliRun run = CliRun.of("verify-inclusion", dir.resolve("absent.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("UNREADABLE: cannot read ").contains("absent.json").contains("no such file")
                .contains("[CAIRN-JOURNAL-0001]");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void directoryIsUnreadable() {
        CliRun run = CliRun.of("verify-inclusion", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is a directory");
    }

    @Test
    void helpDescribesTheFormatAndExitCodes() {
        CliRun run = CliRun.of("verify-inclusion", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage:").contains("FILE").contains("leafIdx").contains("Exit codes")
                .contains("malformed");
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        CliRun run = CliRun.of("verify-inclusion");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter").contains("FILE");
    }

    @Test
    void proofWithoutSubcommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("verify-inclusion").contains("verify-consistency");
        assertThat(CliRun.of("--help").out()).contains("verify-inclusion").contains("verify-consistency");
    }

    @Test
    void writtenFilesAreTheDocumentedFormat() throws Exception {
        Path path = dir.resolve("inclusion.json");
        ProofFileWriter.write(ProofTrees.inclusion(JOURNAL, 5, 13), path);
        assertThat(Files.readString(path)).containsSubsequence("\"leafIdx\" : 5", "\"treeSize\" : 13", "\"root\"",
                "\"leafHash\"", "\"proof\" : [");
    }
}
