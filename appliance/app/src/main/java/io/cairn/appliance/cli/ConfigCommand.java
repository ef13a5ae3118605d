package io.cairn.appliance.cli;

import io.cairn.appliance.ApplianceConfig;
import io.cairn.appliance.ConfigReference;
import io.cairn.kernel.config.ConfigProblem;
import io.cairn.kernel.config.ConfigReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn config ...}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Validate configuration and print its reference.",
        subcommands = {ConfigCommand.Check.class, ConfigCommand.Reference.class})
final class ConfigCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code cairn config check FILE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate a configuration file together with the CAIRN_* environment variables.",
                "Prints every problem as FILE:LINE:COLUMN: CODE message. Exit 0 when valid, 1 when not."})
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The YAML file to check.")
        Path file;

        @CommandLine.Mixin
        ConfigFileOption config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Optional<Path> target = file != null ? Optional.of(file) : config.resolve();
            ConfigReport report = ApplianceConfig.load(target, System.getenv(), Map.of());
            PrintWriter out = spec.commandLine().getOut();
            report.warnings().forEach(w -> out.println("warning: " + w));
            if (report.valid()) {
                out.println(target.map(Path::toString).orElse("built-in defaults") + ": configuration is valid");
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            report.problems().stream().map(ConfigProblem::describe).forEach(err::println);
            err.println(report.problems().size() + " problem(s) found");
            return 1;
        }
    }

    /** {@code cairn config reference}. */
    @Command(name = "reference", mixinStandardHelpOptions = true,
            description = "Print the configuration reference (every key, type, default and environment variable) as Markdown.")
    static final class Reference implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(ConfigReference.markdown(ApplianceConfig.catalogue()));
            return 0;
        }
    }
}
