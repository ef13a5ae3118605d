package io.cairn.connector.evm;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the test tools installed by {@code .ci/install-tools.sh}; skips or fails when one is missing. */
public final class TestTools {

    private TestTools() {
    }

    /** The repository root: the first ancestor of the working directory holding {@code .ci/install-tools.sh}. */
    public static Optional<Path> repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".ci/install-tools.sh"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** A tool below {@code .ci/tools}; skips the test (or fails under {@code CAIRN_REQUIRE_TEST_TOOLS=true}). */
    public static Path require(String relative, String what) {
        Optional<Path> tool = repositoryRoot().map(root -> root.resolve(".ci/tools").resolve(relative))
                .filter(Files::exists);
        String reason = what + " not found under .ci/tools (run .ci/install-tools.sh)";
        if (tool.isEmpty() && "true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
            fail(reason);
        }
        assumeTrue(tool.isPresent(), reason);
        return tool.get();
    }

    /** A program on the PATH, with the same skip/fail rule. */
    public static Path requireOnPath(String program) {
        Optional<Path> found = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> java.util.Arrays.stream(path.split(java.io.File.pathSeparator)))
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
        String reason = program + " is not on the PATH";
        if (found.isEmpty() && "true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
            fail(reason);
        }
        assumeTrue(found.isPresent(), reason);
        return found.get();
    }
}
