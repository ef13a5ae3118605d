package io.cairn.deploy.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Applies site.yml over real SSH to two network-namespace hosts (ansible/tests/run.sh): first run, second
 * run with zero changes, /health at each host's address from both hosts.
 */
@Tag("integration")
class NamespaceHostsTest {

    @Test
    void playbookInstallsHealthyAppliancesOnTwoHostsAndIsIdempotent() {
        ToolRun.skipUnlessRequired(ToolRun.root(), "network namespaces, users and sshd need root");
        for (String tool : List.of("ansible-playbook", "sshd", "ip", "sudo", "curl", "openssl", "start-stop-daemon")) {
            ToolRun.requireTool(tool);
        }
        Path root = ToolRun.repositoryRoot();
        ToolRun.skipUnlessRequired(root.resolve("appliance/app/target/cairn.jar").toFile().isFile(),
                "appliance/app/target/cairn.jar is missing (run ./cairn build)");

        ToolRun run = ToolRun.run(root, 600, List.of(root.resolve("ansible/tests/run.sh").toString()));

        ToolRun.skipUnlessRequired(run.exitCode() != ToolRun.SKIPPED, "ansible/tests/run.sh skipped: " + run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("second run: changed=0 on every host")
                .contains("host-a -> https://10.213.0.3:8443/health: 200")
                .contains("host-b -> https://10.213.0.2:8443/health: 200")
                .contains("PASSED");
    }
}
