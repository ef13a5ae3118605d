package io.cairn.connector.fabric.testnet;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Drives the scripts of {@code connectors/fabric/testnet}: {@code up.sh} starts the network with the
 * anchoring chaincode service, {@code network.env} describes it, {@code down.sh} stops it by PID.
 */
public final class FabricTestnet implements AutoCloseable {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);

    private final Path scripts;
    private final Path runDir;
    private final Map<String, String> env;
    private final Duration startup;
    private volatile boolean closed;

    private FabricTestnet(Path scripts, Path runDir, Map<String, String> env, Duration startup) {
        this.scripts = scripts;
        this.runDir = runDir;
        this.env = env;
        this.startup = startup;
    }

    /**
     * Starts the network, or skips the calling test when the Fabric binaries are not cached (fails
     * instead under {@code CAIRN_REQUIRE_TEST_TOOLS=true}).
     */
    public static FabricTestnet start(Path chaincodeJar, Path runDir, int basePort) throws IOException, InterruptedException {
        Path scripts = repositoryRoot().resolve("connectors/fabric/testnet");
        Path binDir = Path.of(run(scripts, List.of("bash", "install.sh", "--print-bin-dir")).strip());
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("peer", "orderer", "configtxgen", "osnadmin", "cryptogen")) {
            if (!Files.isExecutable(binDir.resolve(tool))) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            String reason = "Fabric binaries " + missing + " not cached in " + binDir
                    + ": run connectors/fabric/testnet/install.sh (needs Go and the Go module proxy)";
            if ("true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
                fail(reason);
            }
            System.out.println("SKIPPED Fabric network tests: " + reason);
            Assumptions.abort(reason);
        }
        if (!Files.isRegularFile(chaincodeJar)) {
            fail("chaincode service jar missing: " + chaincodeJar);
        }
        if (Files.isDirectory(runDir.resolve("pids"))) {
            // left over by a test JVM that was killed: stop what it started before starting again
            run(scripts, List.of("bash", "down.sh", "--run-dir", runDir.toString()));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long begin = System.nanoTime();
        run(scripts, List.of("bash", "up.sh", "--run-dir", runDir.toString(), "--base-port",
                Integer.toString(basePort), "--chaincode-jar", chaincodeJar.toString(), "--java", java));
        Duration startup = Duration.ofNanos(System.nanoTime() - begin);
        FabricTestnet testnet = new FabricTestnet(scripts, runDir, readEnv(runDir.resolve("network.env")), startup);
        // a test JVM that is stopped early still stops the network
        Runtime.getRuntime().addShutdownHook(new Thread(testnet::closeQuietly, "fabric-testnet-down"));
        return testnet;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException | AssertionError e) {
            System.err.println("stopping the Fabric test network failed: " + e);
        }
    }

    /** @return a value of {@code network.env} */
    public String get(String key) {
        String value = env.get(key);
        if (value == null) {
            throw new IllegalStateException("network.env has no " + key);
        }
        return value;
    }

    /** @return a path-valued entry of {@code network.env} */
    public Path path(String key) {
        return Path.of(get(key));
    }

    /** @return how long {@code up.sh} took */
    public Duration startup() {
        return startup;
    }

    /** @return resident memory in KiB of each process the network started, by name */
    public Map<String, Long> residentMemoryKib() throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        try (var files = Files.list(runDir.resolve("pids"))) {
            for (Path pidFile : files.sorted().toList()) {
                String pid = Files.readString(pidFile).strip().split(" ")[0];
                String name = pidFile.getFileName().toString().replace(".pid", "");
                Path status = Path.of("/proc", pid, "status");
                if (Files.exists(status)) {
                    Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                            .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                            .ifPresent(kib -> rss.put(name, kib));
                }
            }
        }
        return rss;
    }

    /** Stops the network; fails when a process or port outlives {@code down.sh}. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                run(scripts, List.of("bash", "down.sh", "--run-dir", runDir.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the network", e);
            }
        }
    }

    /** @return the repository root above {@code start}, found by {@code .ci/install-tools.sh} */
    public static Optional<Path> findRepositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".ci/install-tools.sh"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Path repositoryRoot() {
        return findRepositoryRoot(Path.of("")).orElseThrow(
                () -> new IllegalStateException("no .ci/install-tools.sh above " + Path.of("").toAbsolutePath()));
    }

    private static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String value = line.substring(eq + 1);
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq), value);
            }
        }
        return values;
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("fabric-testnet", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command + " did not finish within " + SCRIPT_TIMEOUT + ":\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.print(output.lines().filter(l -> l.startsWith("[")).map(l -> l + "\n")
                    .reduce("", String::concat));
            if (process.exitValue() != 0) {
                fail(command + " exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
