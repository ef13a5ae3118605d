package io.cairn.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final ConfigOption PORT = ConfigOption.integer("server.port", 8443, 0, 65535, "Port.");
    private static final ConfigOption HOST = ConfigOption.string("server.host", "127.0.0.1", "Host.");
    private static final ConfigOption TIMEOUT = ConfigOption.duration("storage.pool.connection-timeout", "2s", "Timeout.");
    private static final ConfigOption PASSWORD = ConfigOption.secret("storage.password", "Password.");
    private static final ConfigOption NAMES = ConfigOption.list("security.names", "", "Names.");
    private static final ConfigCatalogue CATALOGUE = ConfigCatalogue.of(List.of(PORT, HOST, TIMEOUT, PASSWORD, NAMES));

    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsSet() {
        CairnConfig config = ConfigLoader.load(CATALOGUE, Optional.empty(), Map.of(), Map.of()).configOrThrow();
        assertThat(config.integer(PORT)).isEqualTo(8443);
        assertThat(config.duration(TIMEOUT)).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.optionalString(PASSWORD)).isEmpty();
        assertThat(config.origin(PORT)).isEqualTo("default");
    }

    @Test
    void fileThenEnvironmentThenOverridesWin() throws IOException {
        Path file = write("server:\n  port: 9000\n  host: 0.0.0.0\nsecurity:\n  names: [a, b]\n");
        Map<String, String> env = Map.of("CAIRN_SERVER_PORT", "9100", "PATH", "/bin");
        CairnConfig config = ConfigLoader.load(CATALOGUE, Optional.of(file), env, Map.of("server.host", "::1"))
                .configOrThrow();
        assertThat(config.integer(PORT)).isEqualTo(9100);
        assertThat(config.origin(PORT)).isEqualTo("environment CAIRN_SERVER_PORT");
        assertThat(config.string(HOST)).isEqualTo("::1");
        assertThat(config.list(NAMES)).containsExactly("a", "b");
    }

    @Test
    void typoedKeyIsNamedWithItsLineAndASuggestion() throws IOException {
        Path file = write("server:\n  port: 9000\n  hots: 0.0.0.0\n");
        ConfigReport report = ConfigLoader.load(CATALOGUE, Optional.of(file), Map.of(), Map.of());
        assertThat(report.valid()).isFalse();
        ConfigProblem problem = report.problems().get(0);
        assertThat(problem.error()).isEqualTo(ErrorCode.CONF_UNKNOWN_KEY);
        assertThat(problem.key()).isEqualTo("server.hots");
        assertThat(problem.location()).isEqualTo(file + ":3:3");
        assertThat(problem.message()).contains("did you mean 'server.host'");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() throws IOException {
        Path file = write("server:\n  port: eighty\n  prot: 1\nstorage:\n  pool:\n    connection-timeout: soon\n");
        ConfigReport report = ConfigLoader.load(CATALOGUE, Optional.of(file), Map.of(), Map.of());
        assertThat(report.problems()).extracting(ConfigProblem::key)
                .containsExactly("server.port", "server.prot", "storage.pool.connection-timeout");
        assertThat(report.problems().get(0).location()).endsWith(":2:3");
    }

    @Test
    void outOfRangeAndMalformedYamlAreProblems() throws IOException {
        ConfigReport range = ConfigLoader.load(CATALOGUE, Optional.of(write("server:\n  port: 70000\n")), Map.of(), Map.of());
        assertThat(range.problems().get(0).message()).contains("between 0 and 65535");
        ConfigReport broken = ConfigLoader.load(CATALOGUE, Optional.of(write("server:\n  port: [1\n")), Map.of(), Map.of());
        assertThat(broken.problems().get(0).error()).isEqualTo(ErrorCode.CONF_UNREADABLE);
    }

    @Test
    void duplicateKeysAndUnknownEnvironmentVariablesAreReported() throws IOException {
        ConfigReport dup = ConfigLoader.load(CATALOGUE, Optional.of(write("server:\n  port: 1\n  port: 2\n")), Map.of(), Map.of());
        assertThat(dup.problems()).hasSize(1);
        assertThat(dup.problems().get(0).message()).contains("set twice");
        ConfigReport env = ConfigLoader.load(CATALOGUE, Optional.empty(), Map.of("CAIRN_SERVR_PORT", "1"), Map.of());
        assertThat(env.valid()).isTrue();
        assertThat(env.warnings()).singleElement().asString().contains("CAIRN_SERVR_PORT");
    }

    @Test
    void secretValuesAreNeverEchoedInProblems() {
        ConfigOption pin = new ConfigOption("hsm.pin", ValueType.INTEGER, Optional.empty(), "Pin.", true,
                List.of(), 0, 10);
        ConfigReport report = ConfigLoader.load(ConfigCatalogue.of(List.of(pin)), Optional.empty(),
                Map.of("CAIRN_HSM_PIN", "s3cr3t-value"), Map.of());
        assertThat(report.problems().get(0).describe()).doesNotContain("s3cr3t-value");
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "cairn", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
