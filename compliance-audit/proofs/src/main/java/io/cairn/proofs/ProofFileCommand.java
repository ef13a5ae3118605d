package io.cairn.proofs;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.VerificationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What both verify commands do: read FILE, verify, print one verdict, return the exit status.
 * The verdict (valid or invalid) goes to standard output; problems with the file go to standard error.
 */
abstract class ProofFileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The proof file (JSON) to verify.")
    Path file;

    @Spec
    CommandSpec spec;

    /** Reads and verifies the file; returns the verdict line and whether it is valid. */
    abstract Verdict verify(Path proofFile);

    @Override
    public Integer call() {
        Verdict verdict;
        try {
            verdict = verify(file);
        } catch (CairnException e) {
            PrintWriter err = spec.commandLine().getErr();
            String label = e.error() == ErrorCode.JOURNAL_PROOF_FILE_UNREADABLE ? "UNREADABLE" : "MALFORMED";
            String where = e.error() == ErrorCode.JOURNAL_PROOF_FILE_UNREADABLE ? "" : file + ": ";
            err.println(label + ": " + where + e.getMessage() + " [" + e.error().code() + "]");
            err.flush();
            return ProofCommand.EXIT_MALFORMED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(verdict.line());
        out.flush();
        return verdict.valid() ? ProofCommand.EXIT_VALID : ProofCommand.EXIT_INVALID;
    }

    /**
     * One verdict line.
     *
     * @param valid whether the proof verified
     * @param line  what to print
     */
    record Verdict(boolean valid, String line) {
        static Verdict of(VerificationResult result, String validLine, String invalidClaim) {
            if (result.isValid()) {
                return new Verdict(true, "VALID: " + validLine);
            }
            String why = result.failure().orElseThrow().explanation();
            return new Verdict(false, "INVALID: this file does not prove that " + invalidClaim + ": " + why
                    + " (" + result.detail() + ") [" + ErrorCode.JOURNAL_PROOF_INVALID.code() + "]");
        }
    }
}
