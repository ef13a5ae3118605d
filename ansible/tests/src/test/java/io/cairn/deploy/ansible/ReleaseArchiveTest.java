package io.cairn.deploy.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release archive built by appliance/packaging/build-release.sh. */
@Tag("integration")
class ReleaseArchiveTest {
    @TempDir
    Path out;

    @Test
    void archiveHoldsLauncherJarConfigurationAndServiceFilesAndIsReproducible() throws IOException {
        Path root = ToolRun.repositoryRoot();
        ToolRun.skipUnlessRequired(Files.isRegularFile(root.resolve("appliance/app/target/cairn.jar")),
                "appliance/app/target/cairn.jar is missing (run ./cairn build)");
        String script = root.resolve("appliance/packaging/build-release.sh").toString();

        ToolRun first = ToolRun.run(root, 300, List.of(script, "--version", "9.8.7", "--output", out.toString()));
        assertThat(first.exitCode()).as(first.output()).isZero();
        Path archive = out.resolve("cairn-9.8.7.tar.gz");
        byte[] built = Files.readAllBytes(archive);
        ToolRun listing = ToolRun.run(out, 60, List.of("tar", "tzvf", archive.toString()));
        assertThat(listing.output()).contains(
                "cairn-9.8.7/bin/cairn", "cairn-9.8.7/lib/cairn.jar", "cairn-9.8.7/etc/cairn.yaml",
                "cairn-9.8.7/share/systemd/cairn.service", "cairn-9.8.7/share/init.d/cairn",
                "cairn-9.8.7/share/logrotate/cairn", "cairn-9.8.7/install.sh", "cairn-9.8.7/VERSION");
        assertThat(listing.output()).contains("-rwxr-xr-x 0/0").doesNotContain(" root/root ");

        ToolRun second = ToolRun.run(root, 300,
                List.of(script, "--no-check", "--version", "9.8.7", "--output", out.toString()));
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(Files.readAllBytes(archive)).as("same inputs give the same archive").isEqualTo(built);

        ToolRun bad = ToolRun.run(root, 60, List.of(script, "--version", "1.0; rm -rf /", "--output", out.toString()));
        assertThat(bad.exitCode()).isEqualTo(2);
    }

    @Test
    void serviceUnitIsHardened() throws IOException {
        String unit = Files.readString(ToolRun.repositoryRoot().resolve("appliance/packaging/files/cairn.service"));
        assertThat(unit).contains("User=cairn", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "ReadWritePaths=/var/lib/cairn /var/log/cairn", "PrivateTmp=yes", "CapabilityBoundingSet=\n");
    }
}
