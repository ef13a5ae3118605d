package io.cairn.custody.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.custody.spi.KeyHandle;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to Vault: with {@code ca-file} naming the issuer of the server's certificate the request reaches
 * Vault; without it (JDK trust store) the handshake fails and the call fails closed. The server is an
 * in-process HTTPS server with a certificate made by the JDK's {@code keytool}.
 */
class VaultTlsTest {
    private static final String STORE_PASSWORD = "changeit";
    private static final KeyHandle HANDLE = new KeyHandle("vault", "k.0123456789abcdef01234567:v1");

    @TempDir
    static Path dir;

    private static SSLContext serverTls;

    @BeforeAll
    static void makeServerCertificate() throws IOException, InterruptedException, GeneralSecurityException {
        keytool("-genkeypair", "-alias", "vault", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-keystore", dir.resolve("server.p12").toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "vault", "-keystore", dir.resolve("server.p12").toString(),
                "-storepass", STORE_PASSWORD, "-file", dir.resolve("ca.pem").toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
    }

    @Test
    void theConfiguredCaFileIsTrusted() throws IOException {
        try (FakeVault vault = FakeVault.https(serverTls, 503, "{\"errors\":[\"Vault is sealed\"]}");
             VaultKeyCustody custody = VaultKeyCustody.open(options(vault).caFile(dir.resolve("ca.pem")).build())) {
            assertThatThrownBy(() -> custody.describe(HANDLE)).hasMessageContaining("is sealed or not active");
            assertThat(vault.tokens()).containsOnly("tls-test-token");
        }
    }

    @Test
    void withoutTheCaFileTheHandshakeFailsClosed() throws IOException {
        try (FakeVault vault = FakeVault.https(serverTls, 200, "{}");
             VaultKeyCustody custody = VaultKeyCustody.open(options(vault).build())) {
            assertThatThrownBy(() -> custody.describe(HANDLE)).isInstanceOfSatisfying(CairnException.class, e -> {
                assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
                assertThat(e.getMessage()).contains("cannot be reached");
            });
            assertThat(vault.tokens()).as("no request got through").isEmpty();
        }
    }

    @Test
    void aCaFileWithoutCertificatesIsRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "no certificate here\n");
        try (FakeVault vault = FakeVault.https(serverTls, 200, "{}")) {
            assertThatThrownBy(() -> VaultKeyCustody.open(options(vault).caFile(empty).build()))
                    .isInstanceOfSatisfying(CairnException.class,
                            e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE));
        }
    }

    private static VaultOptions.Builder options(FakeVault vault) {
        return VaultOptions.builder(vault.address(), VaultToken.of("tls-test-token"))
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5));
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
