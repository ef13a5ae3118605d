package io.cairn.signing.formats;

import static org.junit.jupiter.api.Assertions.fail;

import io.cairn.custody.pkcs11.SoftHsm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the external tools of the integration tests (anvil from {@code .ci/install-tools.sh}, SoftHSM2).
 * A missing tool skips the test with the reason, unless {@code CAIRN_REQUIRE_TEST_TOOLS=true} (CI) makes it
 * a failure.
 */
final class TestTools {
    private TestTools() {
    }

    /** The SoftHSM2 installation of this JVM, with its tokens created. */
    static SoftHsm softHsm() {
        SoftHsm.missing().ifPresent(reason -> missing("SoftHSM2", reason));
        return SoftHsm.shared();
    }

    /** The anvil binary: the native one of the npm package when present, else the npm launcher. */
    static Path anvil() {
        Optional<Path> root = repositoryRoot();
        if (root.isEmpty()) {
            missing("anvil", "no repository root with .ci/install-tools.sh above " + Path.of("").toAbsolutePath());
        }
        Path modules = root.orElseThrow().resolve(".ci/tools/node_modules");
        for (Path candidate : new Path[] {modules.resolve("@foundry-rs/anvil-linux-amd64/bin/anvil"),
                modules.resolve(".bin/anvil")}) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        missing("anvil", "not installed under .ci/tools (run .ci/install-tools.sh)");
        throw new IllegalStateException("unreachable");
    }

    private static Optional<Path> repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".ci/install-tools.sh"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static void missing(String tool, String reason) {
        if ("true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
            fail(tool + " is required: " + reason);
        }
        Assumptions.abort(tool + " is not available: " + reason);
    }
}
