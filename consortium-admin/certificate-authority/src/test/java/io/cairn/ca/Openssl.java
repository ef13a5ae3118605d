package io.cairn.ca;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The {@code openssl} command line tool (installed by {@code .ci/install-tools.sh}). A missing tool skips the
 * test with the reason, unless {@code CAIRN_REQUIRE_TEST_TOOLS=true} (CI) makes it a failure.
 */
final class Openssl {
    private final Path binary;
    private final Path workDir;

    /** What a run printed and how it ended. */
    record Result(int exitCode, String output) {
    }

    private Openssl(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /** The tool, running in {@code workDir}. */
    static Openssl in(Path workDir) {
        Optional<Path> found = onPath();
        if (found.isEmpty()) {
            String reason = "no executable 'openssl' on PATH (run .ci/install-tools.sh)";
            if ("true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
                fail("openssl is required: " + reason);
            }
            Assumptions.abort("openssl is not available: " + reason);
        }
        return new Openssl(found.orElseThrow(), workDir);
    }

    private static Optional<Path> onPath() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "openssl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The directory the tool runs in. */
    Path workDir() {
        return workDir;
    }

    /** Runs {@code openssl <arguments>} to its end (at most 30 s), output and errors merged. */
    Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("openssl did not finish: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
