package io.cairn.deploy.ansible;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The result of running an external tool: exit status and combined output. */
record ToolRun(int exitCode, String output) {
    /** Exit status of a script that skipped itself (it says why on its output). */
    static final int SKIPPED = 77;

    /** Runs a command in a directory, waiting at most the given number of seconds. */
    static ToolRun run(Path directory, long timeoutSeconds, List<String> command) {
        return run(directory, timeoutSeconds, command, Map.of());
    }

    /** Runs a command with extra environment variables. */
    static ToolRun run(Path directory, long timeoutSeconds, List<String> command, Map<String, String> environment) {
        try {
            Path log = Files.createTempFile("cairn-tool", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                    throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s:\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new ToolRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** The repository root: the nearest directory above the working directory holding .ci/install-tools.sh. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".ci/install-tools.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no .ci/install-tools.sh above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Skips the calling test when a tool is missing, unless CI requires every test tool. */
    static void requireTool(String tool) {
        boolean found = false;
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, tool))) {
                found = true;
                break;
            }
        }
        skipUnlessRequired(found, tool + " is not installed (run .ci/install-tools.sh)");
    }

    /** Skips with the reason when the condition is false, unless CI requires every test tool. */
    static void skipUnlessRequired(boolean condition, String reason) {
        if (!condition && "true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
            throw new AssertionError(reason + " and CAIRN_REQUIRE_TEST_TOOLS=true");
        }
        assumeTrue(condition, reason);
    }

    /** Whether this process runs as root. */
    static boolean root() {
        return "0".equals(run(Path.of("").toAbsolutePath(), 10, List.of("id", "-u")).output().trim());
    }
}
