package io.cairn.proofs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cairn proof}: offline verification of proof files exported by Cairn. Its subcommands need no
 * database, no network and no trust in the appliance.
 */
@Command(name = "proof",
        mixinStandardHelpOptions = true,
        description = "Verify Merkle proofs exported from the Cairn journal, offline.",
        subcommands = {VerifyInclusionCommand.class, VerifyConsistencyCommand.class},
        exitCodeListHeading = "%nExit codes (verify-inclusion, verify-consistency):%n",
        exitCodeList = {
            "0:the proof is valid",
            "1:the proof is well-formed but does not verify",
            "2:the file is malformed or cannot be read"})
public final class ProofCommand implements Runnable {
    /** Exit status when the proof is valid. */
    public static final int EXIT_VALID = 0;
    /** Exit status when the proof is well-formed but does not verify. */
    public static final int EXIT_INVALID = 1;
    /** Exit status when the file is malformed or cannot be read (also picocli's usage-error status). */
    public static final int EXIT_MALFORMED = 2;

    @Spec
    private CommandSpec spec;

    /** Without a subcommand, explains what is missing. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing subcommand: use 'verify-inclusion FILE' or 'verify-consistency FILE'");
    }
}
