package io.cairn.evidence;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cairn audit}: verify evidence bundles offline. The {@code cairn} CLI adds {@code audit export}, which
 * downloads a bundle through the appliance API with the CLI's connection options.
 */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = "Verify evidence bundles (cairn-evidence/v1) offline, and export them from an appliance.",
        subcommands = {VerifyBundleCommand.class})
public final class AuditCommand implements Runnable {
    /** Exit status of a valid bundle. */
    public static final int EXIT_VALID = 0;
    /** Exit status of a bundle that does not verify. */
    public static final int EXIT_INVALID = 1;
    /** Exit status of an unreadable or malformed bundle, or of wrong arguments. */
    public static final int EXIT_UNREADABLE = 2;

    @Spec
    private CommandSpec spec;

    /** Without a subcommand, explains what is missing. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: use 'verify BUNDLE'");
    }
}
