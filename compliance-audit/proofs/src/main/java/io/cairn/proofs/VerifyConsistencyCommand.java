package io.cairn.proofs;

import io.cairn.merkle.VerificationResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code cairn proof verify-consistency FILE}: checks that a later tree only appended to an earlier one. */
@Command(name = "verify-consistency",
        mixinStandardHelpOptions = true,
        description = {
            "Check a consistency proof file: that the journal tree of size2 entries with root root2 contains, "
                + "unchanged, the tree of size1 entries with root root1 (nothing was edited, removed or reordered, "
                + "only appended).",
            "File format: {\"size1\": n, \"size2\": n, \"root1\": \"<base64>\", \"root2\": \"<base64>\", "
                + "\"proof\": [\"<base64>\", ...]}",
            "Compare both sizes and roots with signed checkpoints."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the proof is valid",
            "1:the proof is well-formed but does not verify",
            "2:the file is malformed or cannot be read"})
public final class VerifyConsistencyCommand extends ProofFileCommand {
    @Override
    Verdict verify(Path proofFile) {
        ConsistencyProofFile proof = ProofFileReader.readConsistency(proofFile);
        VerificationResult result = proof.verify();
        return Verdict.of(result, validLine(proof),
                "the tree of " + proof.size2() + " entries extends the tree of " + proof.size1() + " entries");
    }

    private static String validLine(ConsistencyProofFile proof) {
        if (proof.size1() == proof.size2()) {
            return "both roots describe the same tree of " + proof.size1() + " entries (root "
                    + proof.root2().base64() + ")";
        }
        if (proof.size1() == 0) {
            return "the tree of " + proof.size2() + " entries (root " + proof.root2().base64()
                    + ") extends the empty tree, as every tree does";
        }
        return "the tree of " + proof.size2() + " entries (root " + proof.root2().base64()
                + ") extends the tree of " + proof.size1() + " entries (root " + proof.root1().base64()
                + "): those " + proof.size1() + " entries are unchanged, later entries were only appended;"
                + " this means something only if both roots are those of signed checkpoints";
    }
}
