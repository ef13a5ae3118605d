package io.cairn.appliance.cli;

import io.cairn.appliance.Version;
import io.cairn.evidence.AuditCommand;
import io.cairn.proofs.ProofCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cairn} command. */
@Command(name = "cairn", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Cairn: a self-hosted appliance for permissioned financial consortia.",
        subcommands = {ServeCommand.class, VersionCommand.class, ConfigCommand.class, UsersCommand.class,
            TokensCommand.class, ConsortiumCommands.Members.class, ConsortiumCommands.Onboarding.class,
            ConsortiumCommands.Votes.class, ConsortiumCommands.Governance.class, ProofCommand.class, AuditCommand.class,
            KeysCommand.Keys.class, KeysCommand.Approvals.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests and embedding. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.getSubcommands().get("audit").addSubcommand(new AuditExportCommand());
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Supplies {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cairn " + Version.current()};
        }
    }
}
