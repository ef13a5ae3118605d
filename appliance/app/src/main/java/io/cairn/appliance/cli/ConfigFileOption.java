package io.cairn.appliance.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config FILE}, defaulting to {@code $CAIRN_CONFIG}, then to {@code ./cairn.yaml} when it exists. */
final class ConfigFileOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration file. Default: $CAIRN_CONFIG, else ./cairn.yaml if present, else built-in defaults.")
    Path file;

    Optional<Path> resolve() {
        if (file != null) {
            return Optional.of(file);
        }
        String env = System.getenv("CAIRN_CONFIG");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        Path local = Path.of("cairn.yaml");
        return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
    }
}
