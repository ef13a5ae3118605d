package io.cairn.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Stops an embedded PostgreSQL server left running by a Cairn process that died without shutting it down
 * (for instance {@code kill -9}). Only a process that PostgreSQL itself recorded in the cluster's
 * {@code postmaster.pid}, and that is still a PostgreSQL server, is stopped: first with a fast shutdown
 * (SIGINT, which completes a checkpoint), then forcibly if it does not exit in time.
 */
final class OrphanedServer {
    private static final Logger LOG = Logger.getLogger(OrphanedServer.class.getName());
    private static final long FAST_SHUTDOWN_WAIT_SECONDS = 30;

    private OrphanedServer() {
    }

    static void stopIfRunning(Path clusterDirectory) {
        recordedServer(clusterDirectory).ifPresent(server -> {
            LOG.warning(() -> "embedded PostgreSQL (pid " + server.pid() + ") is still running from a previous "
                    + "process; shutting it down before starting again");
            signalFastShutdown(server.pid());
            try {
                server.onExit().get(FAST_SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                server.destroyForcibly();
                server.onExit().join();
            }
        });
    }

    private static Optional<ProcessHandle> recordedServer(Path clusterDirectory) {
        Path pidFile = clusterDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !Path.of(lines.get(1).trim()).equals(clusterDirectory)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void signalFastShutdown(long pid) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
