package io.cairn.custody.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration: https unless plain http is allowed, a token file only its owner can read, safe names. */
class VaultOptionsTest {
    private static final String SECRET = "hvs.options-test-token-4711";
    private static final VaultToken TOKEN = VaultToken.of(SECRET);

    @TempDir
    Path dir;

    @Test
    void plainHttpIsRefusedUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> VaultOptions.builder(URI.create("http://127.0.0.1:8200"), TOKEN).build())
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.CONF_INCONSISTENT);
                    assertThat(e.field()).contains("signing.vault.allow-insecure-http");
                });
        VaultOptions https = VaultOptions.builder(URI.create("https://vault.example:8200/"), TOKEN).build();
        assertThat(https.address()).isEqualTo(URI.create("https://vault.example:8200"));
        VaultOptions http = VaultOptions.builder(URI.create("http://127.0.0.1:8200"), TOKEN).allowInsecureHttp(true)
                .mount("/kms/transit/").build();
        assertThat(http.mount()).isEqualTo("kms/transit");
        assertThatThrownBy(() -> VaultOptions.builder(URI.create("ftp://vault.example"), TOKEN).build())
                .isInstanceOf(CairnException.class);
    }

    @Test
    void mountsAndPrefixesThatCouldEscapeTheirPathAreRefused() {
        URI address = URI.create("https://vault.example");
        for (String mount : new String[] {"", "..", "a/../b", "tran sit", "a//b", "?x"}) {
            assertThatThrownBy(() -> VaultOptions.builder(address, TOKEN).mount(mount).build()).as(mount)
                    .isInstanceOf(CairnException.class);
        }
        for (String prefix : new String[] {"a/b", "-x", "a b", "x".repeat(33), "../"}) {
            assertThatThrownBy(() -> VaultOptions.builder(address, TOKEN).keyPrefix(prefix).build()).as(prefix)
                    .isInstanceOf(CairnException.class);
        }
        assertThat(VaultOptions.builder(address, TOKEN).keyPrefix("").build().transitName("k")).isEqualTo("k");
        assertThatThrownBy(() -> VaultOptions.builder(address, TOKEN).connectTimeout(Duration.ofMillis(500)).build())
                .isInstanceOf(CairnException.class);
    }

    @Test
    void settingsAreReadFromTheConfigurationWithTheTokenFromAnOwnerOnlyFile() throws IOException {
        Path tokenFile = tokenFile("rw-------");
        VaultOptions options = VaultOptions.from(config(Map.of("signing.vault.address", "https://vault.example:8200",
                "signing.vault.token-file", tokenFile.toString(), "signing.vault.mount", "kms",
                "signing.vault.key-prefix", "bank-a.", "signing.vault.read-timeout", "7s")));
        assertThat(options.token().value()).isEqualTo(SECRET);
        assertThat(options.mount()).isEqualTo("kms");
        assertThat(options.transitName("k")).isEqualTo("bank-a.k");
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.caFile()).isEmpty();
        assertThat(options.toString()).doesNotContain(SECRET);
    }

    @Test
    void theTokenMayComeFromTheEnvironmentOption() {
        VaultOptions options = VaultOptions.from(config(Map.of("signing.vault.address", "https://vault.example",
                "signing.vault.token", " " + SECRET + "\n")));
        assertThat(options.token().value()).isEqualTo(SECRET);
        assertThat(VaultSettings.TOKEN.environmentVariable()).isEqualTo("CAIRN_SIGNING_VAULT_TOKEN");
        assertThat(VaultSettings.TOKEN.secret()).isTrue();
    }

    @Test
    void aTokenFileOthersCanReadIsRefusedWithoutShowingTheToken() throws IOException {
        Path tokenFile = tokenFile("rw-r--r--");
        assertThatThrownBy(() -> VaultOptions.from(config(Map.of("signing.vault.address", "https://vault.example",
                "signing.vault.token-file", tokenFile.toString()))))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
                    assertThat(e.getMessage()).contains(tokenFile.toString()).doesNotContain(SECRET);
                });
        assertThatThrownBy(() -> VaultToken.fromFile(dir.resolve("missing"))).isInstanceOf(CairnException.class);
    }

    @Test
    void addressAndTokenAreRequired() {
        assertThatThrownBy(() -> VaultOptions.from(config(Map.of("signing.vault.token", SECRET))))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.field()).contains("signing.vault.address"));
        assertThatThrownBy(() -> VaultOptions.from(config(Map.of("signing.vault.address", "https://vault.example"))))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.field()).contains("signing.vault.token-file"));
    }

    @Test
    void theTokenIsNeverPrintedAndIsRedactedFromText() {
        assertThat(TOKEN.toString()).doesNotContain(SECRET);
        assertThat(TOKEN.redact("header " + SECRET + " twice " + SECRET)).isEqualTo("header [hidden] twice [hidden]");
        assertThatThrownBy(() -> VaultToken.of("two words")).isInstanceOf(CairnException.class);
        assertThatThrownBy(() -> VaultToken.of("  ")).isInstanceOf(CairnException.class);
    }

    private Path tokenFile(String permissions) throws IOException {
        Path file = dir.resolve("vault-token-" + permissions.replace('-', '_'));
        Files.writeString(file, SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static CairnConfig config(Map<String, String> values) {
        return CairnConfig.of(ConfigCatalogue.of(VaultSettings.OPTIONS), new HashMap<>(values));
    }
}
