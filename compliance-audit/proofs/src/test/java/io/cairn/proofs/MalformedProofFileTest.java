package io.cairn.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strict parsing: every malformed file exits 2 and says what is wrong and where. */
class MalformedProofFileTest {
    private static final String VALID = ProofTrees.resource("rfc6962-inclusion-0-of-8.json");
    private static final String ROOT = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";

    @TempDir
    Path dir;

    static Stream<Arguments> malformedInclusionFiles() {
        return Stream.of(
                Arguments.of("empty file", "", "the file is empty"),
                Arguments.of("only spaces", "  \n ", "the file is empty"),
                Arguments.of("not JSON", "leafIdx=0", "not valid JSON at line 1, column"),
                Arguments.of("truncated JSON", VALID.substring(0, VALID.length() / 2), "not valid JSON at line"),
                Arguments.of("trailing content", VALID + "{}", "not valid JSON"),
                Arguments.of("a list", "[" + VALID + "]", "found a list"),
                Arguments.of("a string", "\"proof\"", "found text"),
                Arguments.of("missing field", VALID.replace("\"leafIdx\": 0,", ""), "missing field \"leafIdx\""),
                Arguments.of("unknown field", VALID.replace("\"leafIdx\": 0,", "\"leafIdx\": 0, \"desc\": \"x\","),
                        "unknown field \"desc\""),
                Arguments.of("duplicate field", VALID.replace("\"leafIdx\": 0,", "\"leafIdx\": 0, \"leafIdx\": 1,"),
                        "Duplicate field 'leafIdx'"),
                Arguments.of("number as text", VALID.replace("\"treeSize\": 8", "\"treeSize\": \"8\""),
                        "field \"treeSize\" must be a whole number, found text"),
                Arguments.of("decimal number", VALID.replace("\"treeSize\": 8", "\"treeSize\": 8.0"),
                        "found a decimal number"),
                Arguments.of("exponent number", VALID.replace("\"treeSize\": 8", "\"treeSize\": 8e0"),
                        "found a decimal number"),
                Arguments.of("negative number", VALID.replace("\"leafIdx\": 0", "\"leafIdx\": -1"),
                        "field \"leafIdx\" must not be negative"),
                Arguments.of("number over 2^63-1", VALID.replace("\"treeSize\": 8", "\"treeSize\": 9223372036854775808"),
                        "field \"treeSize\" is too large"),
                Arguments.of("null number", VALID.replace("\"treeSize\": 8", "\"treeSize\": null"), "found null"),
                Arguments.of("boolean number", VALID.replace("\"leafIdx\": 0", "\"leafIdx\": false"),
                        "found true/false"),
                Arguments.of("root not base64", VALID.replace(ROOT, "not base64!" + ROOT.substring(11)),
                        "\"root\" is not a SHA-256 hash: it is not base64"),
                Arguments.of("root of 31 bytes", VALID.replace(ROOT, "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQw=="),
                        "decodes to 31 bytes"),
                Arguments.of("root of 33 bytes", VALID.replace(ROOT, ROOT.replace("=", "AA")),
                        "\"root\" is not a SHA-256 hash"),
                Arguments.of("root without padding", VALID.replace(ROOT, ROOT.replace("=", "")),
                        "\"root\" is not a SHA-256 hash"),
                Arguments.of("root in base64url", VALID.replace(ROOT, ROOT.replace('+', '-').replace('/', '_')),
                        "it is not base64"),
                Arguments.of("root as hex", VALID.replace(ROOT,
                        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"), "\"root\" is not a SHA-256"),
                Arguments.of("root as number", VALID.replace("\"" + ROOT + "\"", "42"),
                        "\"root\" must be a base64 SHA-256 hash in quotes, found a whole number"),
                Arguments.of("proof not a list", VALID.replace("\"proof\": [", "\"proof\": {\"a\": [").replace("]", "]}"),
                        "field \"proof\" must be a list of base64 hashes, found an object"),
                Arguments.of("proof element not text", VALID.replace("\"lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=\"",
                        "null"), "\"proof[0]\" must be a base64 SHA-256 hash in quotes, found null"),
                Arguments.of("proof element too short", VALID.replace("Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
                        "V3JvbmdMZWFm"), "\"proof[1]\" is not a SHA-256 hash: it decodes to 9 bytes"),
                Arguments.of("comment", "// proof\n" + VALID, "not valid JSON at line 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInclusionFiles")
    void malformedFileExitsTwoAndSaysWhy(String name, String content, String expected) {
        Path file = ProofTrees.write(dir, "proof.json", content);
        CliRun run = CliRun.of("verify-inclusion", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("MALFORMED: " + file + ": ").contains(expected)
                .contains("[CAIRN-JOURNAL-0002]");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theValidFileTheMutationsStartFromIsValid() {
        Path file = ProofTrees.write(dir, "proof.json", VALID);
        assertThat(CliRun.of("verify-inclusion", file.toString()).exitCode()).isZero();
    }

    @Test
    void fileOverOneMebibyteIsMalformed() {
        String padded = VALID.replace("{", "{" + " ".repeat(ProofFileReader.MAX_FILE_BYTES));
        CliRun run = CliRun.of("verify-inclusion", ProofTrees.write(dir, "big.json", padded).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("larger than 1048576 bytes");
    }

    @Test
    void fileJustUnderTheLimitIsRead() {
        String padding = " ".repeat(ProofFileReader.MAX_FILE_BYTES - VALID.getBytes(StandardCharsets.UTF_8).length);
        CliRun run = CliRun.of("verify-inclusion", ProofTrees.write(dir, "big.json", VALID + padding).toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void readerNamesTheOffendingField() {
        String content = VALID.replace("\"leafIdx\": 0", "\"leafIdx\": -4");
        assertThatThrownBy(() -> ProofFileReader.parseInclusion(content.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED);
                    assertThat(e.field()).contains("leafIdx");
                });
    }

    @Test
    void consistencyFileWithNegativeSizeIsMalformed() {
        String content = ProofTrees.resource("rfc6962-consistency-6-to-8.json").replace("\"size1\": 6", "\"size1\": -6");
        CliRun run = CliRun.of("verify-consistency", ProofTrees.write(dir, "c.json", content).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("field \"size1\" must not be negative");
    }

    @Test
    void writerOutputReadsBackUnchanged() {
        var store = ProofTrees.journal(21);
        InclusionProofFile inclusion = ProofTrees.inclusion(store, 17, 21);
        ConsistencyProofFile consistency = ProofTrees.consistency(store, 5, 21);
        assertThat(ProofFileReader.parseInclusion(ProofFileWriter.toJson(inclusion).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(inclusion);
        assertThat(ProofFileReader.parseConsistency(
                ProofFileWriter.toJson(consistency).getBytes(StandardCharsets.UTF_8))).isEqualTo(consistency);
    }
}
