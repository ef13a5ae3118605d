package io.cairn.deploy.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ansible-lint with the production profile, and Cairn's Prometheus alert rules checked and unit-tested. */
@Tag("integration")
class LintAndRulesTest {
    private final Path ansible = ToolRun.repositoryRoot().resolve("ansible");

    @Test
    void everythingUnderAnsiblePassesAnsibleLintProductionProfile() {
        ToolRun.requireTool("ansible-lint");
        ToolRun run = ToolRun.run(ansible, 600, List.of("ansible-lint", "--nocolor", "--offline", "--profile", "production"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Passed with production profile");
        assertThat(run.output()).containsPattern("on (4[0-9]|[5-9][0-9]) files");
    }

    @Test
    void alertRulesAreValid() {
        ToolRun.requireTool("promtool");
        ToolRun run = ToolRun.run(ansible, 60,
                List.of("promtool", "check", "rules", "roles/cairn_prometheus/files/cairn-alerts.yml"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SUCCESS: 9 rules found");
    }

    @Test
    void alertRulesPassTheirUnitTests() {
        ToolRun.requireTool("promtool");
        ToolRun run = ToolRun.run(ansible.resolve("roles/cairn_prometheus/tests"), 60,
                List.of("promtool", "test", "rules", "cairn-alerts.test.yml"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SUCCESS").doesNotContain("FAILED");
    }
}
