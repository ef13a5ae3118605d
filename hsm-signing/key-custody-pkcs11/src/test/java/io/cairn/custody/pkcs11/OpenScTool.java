package io.cairn.custody.pkcs11;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** OpenSC's {@code pkcs11-tool}, a second, independent reader of the token's key attributes. */
final class OpenScTool {
    private OpenScTool() {
    }

    /**
     * The {@code pkcs11-tool --list-objects} entry of the private key whose CKA_ID is this id in UTF-8, or
     * empty when the token has no such private key.
     */
    static Optional<String> privateKeyEntry(SoftHsm softHsm, String token, String pin, String id)
            throws IOException, InterruptedException {
        String idHex = HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8));
        return Stream.of(listPrivateKey(softHsm, token, pin, id).split("(?=Private Key Object)"))
                .filter(entry -> entry.startsWith("Private Key Object"))
                .filter(entry -> entry.contains("ID:") && entry.replaceAll("\\s", "").contains("ID:" + idHex))
                .findFirst();
    }

    private static String listPrivateKey(SoftHsm softHsm, String token, String pin, String id) throws IOException, InterruptedException {
        requireTool();
        Process process = new ProcessBuilder("pkcs11-tool", "--module", softHsm.library().toString(),
                "--token-label", token, "--login", "--pin", pin, "--list-objects", "--type", "privkey",
                "--id", HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8)))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("pkcs11-tool did not finish");
        }
        return output;
    }

    private static void requireTool() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean present = Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "pkcs11-tool")));
        if (!present) {
            if ("true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
                fail("pkcs11-tool (OpenSC) is required; run .ci/install-tools.sh");
            }
            Assumptions.abort("pkcs11-tool (OpenSC) is not installed");
        }
    }
}
