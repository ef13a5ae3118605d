package io.cairn.deploy.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package built by appliance/packaging/build-deb.sh from the release archive: its metadata, files and
 * conffiles, that it is reproducible, that the unpacked launcher runs, that its maintainer scripts parse and that
 * systemd accepts its unit ({@code systemd-analyze verify} against the unpacked tree; no systemd runs here).
 */
@Tag("integration")
class DebianPackageTest {
    @TempDir
    Path out;

    @Test
    void packageHoldsTheReleaseWithConffilesAndAVerifiedUnitAndIsReproducible() throws IOException {
        Path root = ToolRun.repositoryRoot();
        ToolRun.skipUnlessRequired(Files.isRegularFile(root.resolve("appliance/app/target/cairn.jar")),
                "appliance/app/target/cairn.jar is missing (run ./cairn build)");
        ToolRun.requireTool("dpkg-deb");
        String release = root.resolve("appliance/packaging/build-release.sh").toString();
        String deb = root.resolve("appliance/packaging/build-deb.sh").toString();
        assertThat(ToolRun.run(root, 300, List.of(release, "--no-check", "--version", "2.1.0-rc1", "--output",
                out.toString())).exitCode()).isZero();
        Path archive = out.resolve("cairn-2.1.0-rc1.tar.gz");
        ToolRun built = ToolRun.run(root, 300, List.of(deb, "--archive", archive.toString(), "--output",
                out.resolve("a").toString()));
        assertThat(built.exitCode()).as(built.output()).isZero();
        Path pkg = out.resolve("a/cairn_2.1.0~rc1_all.deb");

        String info = ToolRun.run(out, 60, List.of("dpkg-deb", "--info", pkg.toString())).output();
        assertThat(info).contains("Package: cairn", "Version: 2.1.0~rc1", "Architecture: all", "Depends: adduser");
        String contents = ToolRun.run(out, 60, List.of("dpkg-deb", "--contents", pkg.toString())).output();
        assertThat(contents).contains("./opt/cairn/releases/2.1.0-rc1/lib/cairn.jar",
                "./opt/cairn/current -> releases/2.1.0-rc1", "./usr/bin/cairn -> /opt/cairn/current/bin/cairn",
                "./lib/systemd/system/cairn.service", "./etc/init.d/cairn", "./etc/logrotate.d/cairn",
                "-rw-r----- root/root", "./etc/cairn/cairn.yaml").doesNotContain("/var/lib/cairn/");

        Path control = out.resolve("control");
        assertThat(ToolRun.run(out, 60, List.of("dpkg-deb", "--control", pkg.toString(), control.toString()))
                .exitCode()).isZero();
        assertThat(Files.readAllLines(control.resolve("conffiles")))
                .containsExactly("/etc/cairn/cairn.yaml", "/etc/init.d/cairn", "/etc/logrotate.d/cairn");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertThat(ToolRun.run(out, 60, List.of("sh", "-n", control.resolve(script).toString())).exitCode())
                    .as(script + " parses").isZero();
        }

        ToolRun again = ToolRun.run(root, 300, List.of(deb, "--archive", archive.toString(), "--output",
                out.resolve("b").toString()));
        assertThat(again.exitCode()).isZero();
        assertThat(Files.readAllBytes(out.resolve("b/cairn_2.1.0~rc1_all.deb"))).as("same archive, same package")
                .isEqualTo(Files.readAllBytes(pkg));

        Path unpacked = out.resolve("unpacked");
        assertThat(ToolRun.run(out, 120, List.of("dpkg-deb", "--extract", pkg.toString(), unpacked.toString()))
                .exitCode()).isZero();
        ToolRun version = ToolRun.run(out, 120,
                List.of(unpacked.resolve("opt/cairn/current/bin/cairn").toString(), "version"));
        assertThat(version.exitCode()).as(version.output()).isZero();
        verifyUnit(unpacked);
    }

    /** {@code systemd-analyze verify} with the unpacked package as root, beside the host's own system units. */
    private void verifyUnit(Path unpacked) throws IOException {
        ToolRun.requireTool("systemd-analyze");
        assertThat(ToolRun.run(out, 120, List.of("cp", "-r", "/lib/systemd/system/.",
                unpacked.resolve("lib/systemd/system").toString())).exitCode()).isZero();
        ToolRun verify = ToolRun.run(out, 120, List.of("systemd-analyze", "verify", "--man=no",
                "--root=" + unpacked, "/lib/systemd/system/cairn.service"));
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).as("no warnings about the unit").doesNotContain("cairn.service");
    }
}
