package io.cairn.proofs;

import io.cairn.merkle.VerificationResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code cairn proof verify-inclusion FILE}: checks that one journal entry is in a tree of a given size and root. */
@Command(name = "verify-inclusion",
        mixinStandardHelpOptions = true,
        description = {
            "Check an inclusion proof file: that the entry with hash leafHash is entry number leafIdx "
                + "(counted from 0) of the journal tree of treeSize entries whose root is root.",
            "File format: {\"leafIdx\": n, \"treeSize\": n, \"root\": \"<base64>\", \"leafHash\": \"<base64>\", "
                + "\"proof\": [\"<base64>\", ...]}",
            "A proof binds the entry to the root; compare root and treeSize with a signed checkpoint."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the proof is valid",
            "1:the proof is well-formed but does not verify",
            "2:the file is malformed or cannot be read"})
public final class VerifyInclusionCommand extends ProofFileCommand {
    @Override
    Verdict verify(Path proofFile) {
        InclusionProofFile proof = ProofFileReader.readInclusion(proofFile);
        VerificationResult result = proof.verify();
        return Verdict.of(result,
                "entry " + proof.leafIdx() + " (leaf hash " + proof.leafHash().base64() + ") is included in the tree of "
                        + proof.treeSize() + " entries with root " + proof.root().base64() + " ("
                        + proof.proof().size() + " proof hashes checked); this means something only if that root"
                        + " and tree size are those of a signed checkpoint",
                "entry " + proof.leafIdx() + " is in the tree of " + proof.treeSize() + " entries");
    }
}
