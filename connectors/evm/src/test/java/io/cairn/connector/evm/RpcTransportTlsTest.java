package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON-RPC over HTTPS with a configured trust store, against a real local TLS server. */
class RpcTransportTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static RecordingJsonRpcStub stub;
    private static Path serverStore;
    private static Path strangerStore;

    @BeforeAll
    static void start() throws Exception {
        serverStore = keyStore("server", "CN=node.test");
        strangerStore = keyStore("stranger", "CN=someone.else");
        stub = new RecordingJsonRpcStub(serverContext(serverStore));
        stub.answer("perm_getAccountsAllowlist", List.of());
    }

    @AfterAll
    static void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void aTrustedServerCertificateIsAccepted() {
        try (BesuAdmin admin = BesuAdmin.open(stub.url(), Map.of("Authorization", "Basic dTpw"),
                Optional.of(TlsSettings.trusting(serverStore, PASSWORD)), Duration.ofSeconds(5))) {
            assertThat(admin.accountsAllowlist()).isEmpty();
        }
        assertThat(stub.last().headers().get("Authorization")).containsExactly("Basic dTpw");
    }

    @Test
    void anUntrustedServerCertificateIsRefused() {
        try (BesuAdmin admin = BesuAdmin.open(stub.url(), Map.of(),
                Optional.of(TlsSettings.trusting(strangerStore, PASSWORD)), Duration.ofSeconds(5))) {
            assertThatThrownBy(admin::accountsAllowlist).isInstanceOfSatisfying(CairnException.class,
                    e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_UNREACHABLE));
        }
    }

    @Test
    void anUnreadableTrustStoreIsAConfigurationError() {
        assertThatThrownBy(() -> BesuAdmin.open(stub.url(), Map.of(),
                Optional.of(TlsSettings.trusting(dir.resolve("missing.p12"), PASSWORD)), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_INVALID_CONFIGURATION));
    }

    private static Path keyStore(String alias, String dname) throws IOException, InterruptedException {
        Path store = dir.resolve(alias + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", dname, "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return store;
    }

    private static SSLContext serverContext(Path store) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }
}
