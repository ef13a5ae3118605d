package io.cairn.custody.pkcs11;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A SoftHSM2 installation with a fresh token directory for this JVM: writes the configuration file named by
 * {@code SOFTHSM2_CONF} (which must be set before the process starts, as SoftHSM reads it when the library
 * initialises) and initialises tokens with {@code softhsm2-util}. The token directory is deleted when the
 * JVM exits. Used by the integration tests and the benchmarks.
 *
 * <p>SoftHSM lists the tokens it finds when the library initialises, so every token a JVM needs is created
 * by {@link #shared()} before any test loads the library: {@link #TOKEN} for the tests that log in, and
 * {@link #WRONG_PIN_TOKEN}, which nothing logs into with its right PIN (PKCS#11 login state is per
 * process, and a token already logged in accepts any PIN).
 */
public final class SoftHsm {
    /** The token the custody tests and benchmarks use. */
    public static final String TOKEN = "cairn-test";
    /** The user PIN of {@link #TOKEN}. */
    public static final String PIN = "4711-user";
    /** A token only ever offered wrong PINs. */
    public static final String WRONG_PIN_TOKEN = "cairn-wrong-pin";

    private static final List<String> LIBRARIES = List.of(
            "/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/local/lib/softhsm/libsofthsm2.so");
    private static SoftHsm shared;

    private final Path library;
    private final Path tokenDirectory;

    private SoftHsm(Path library, Path tokenDirectory) {
        this.library = library;
        this.tokenDirectory = tokenDirectory;
    }

    /** Why SoftHSM2 cannot be used here, or empty when it can. */
    public static Optional<String> missing() {
        if (System.getenv("SOFTHSM2_CONF") == null) {
            return Optional.of("SOFTHSM2_CONF is not set (the build sets it for integration tests)");
        }
        if (findLibrary().isEmpty()) {
            return Optional.of("libsofthsm2.so not found (run .ci/install-tools.sh or set CAIRN_SOFTHSM_LIBRARY)");
        }
        if (!onPath("softhsm2-util")) {
            return Optional.of("softhsm2-util is not on the PATH (run .ci/install-tools.sh)");
        }
        return Optional.empty();
    }

    /** The installation for this JVM, created on first use. */
    public static synchronized SoftHsm shared() {
        missing().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        if (shared == null) {
            try {
                Path tokens = Files.createTempDirectory("cairn-softhsm-tokens");
                Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
                Files.createDirectories(conf.toAbsolutePath().getParent());
                Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                        + "log.level = ERROR\nslots.removable = false\n", StandardCharsets.UTF_8);
                shared = new SoftHsm(findLibrary().orElseThrow(), tokens);
                shared.initToken(TOKEN, "so-" + PIN, PIN);
                shared.initToken(WRONG_PIN_TOKEN, "so-pin-2", "right-pin-" + System.nanoTime());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(tokens)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** The PKCS#11 library. */
    public Path library() {
        return library;
    }

    /** Initialises a new token in the first free slot; only before the library is first loaded. */
    private void initToken(String label, String soPin, String pin) {
        run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", soPin, "--pin", pin);
    }

    /** The slot {@link #TOKEN} sits in now (SoftHSM assigns it when the token is initialised). */
    public long slotId() {
        try (NativeToken token = NativeToken.open(options(1))) {
            return token.slotId();
        }
    }

    /** Options for {@link #TOKEN}. */
    public Pkcs11Options options(int poolSize) {
        return options(TOKEN, PIN, poolSize);
    }

    /** Options for a token of this installation. */
    public Pkcs11Options options(String label, String pin, int poolSize) {
        return new Pkcs11Options(library, label, Pin.of(pin), poolSize, true);
    }

    @Override
    public String toString() {
        return "SoftHsm[" + tokenDirectory + "]";
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command[0] + " " + command[1] + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Optional<Path> findLibrary() {
        String configured = System.getenv("CAIRN_SOFTHSM_LIBRARY");
        Stream<String> candidates = configured != null ? Stream.of(configured) : LIBRARIES.stream();
        return candidates.map(Path::of).filter(Files::isReadable).findFirst();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, tool)).anyMatch(Files::isExecutable);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
