package io.cairn.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.evm.EvmLedgerConfig;
import io.cairn.connector.evm.GasPolicy;
import io.cairn.connector.evm.SoftwareKeySigner;
import io.cairn.connector.evm.TransactionType;
import io.cairn.connector.spi.FinalityModel;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvmConnectorFactoryTest {
    private static final String CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    @TempDir
    Path dir;

    private EvmConnectorFactory factory() {
        SoftwareKeySigner signer = new SoftwareKeySigner().withHex("anchor", SoftwareKeySigner.ANVIL_DEV_KEY_0);
        return new EvmConnectorFactory(alias -> signer, dir.resolve("trust"),
                b -> b.requestTimeout(Duration.ofSeconds(3)));
    }

    private static LedgerDefinition definition(String type, String url, Optional<String> pem, Optional<String> auth) {
        return new LedgerDefinition("besu-1", type, List.of(URI.create(url)), 1981, "anchor", CONTRACT, 12,
                FinalityModel.depth(3), "legacy", "zero", pem, auth);
    }

    @Test
    void theDefinitionBecomesTheConnectorConfiguration() {
        EvmLedgerConfig config = factory().config(definition("evm", "http://127.0.0.1:8545", Optional.empty(),
                Optional.of("Bearer top-secret")));
        assertThat(config.ledgerId()).isEqualTo("besu-1");
        assertThat(config.chainId()).isEqualTo(1981);
        assertThat(config.contractAddress()).isEqualTo(CONTRACT);
        assertThat(config.deploymentBlock()).isEqualTo(12);
        assertThat(config.finality()).isEqualTo(FinalityModel.depth(3));
        assertThat(config.transactionType()).isEqualTo(TransactionType.LEGACY);
        assertThat(config.gasPolicy()).isEqualTo(GasPolicy.zero());
        assertThat(config.headers()).containsEntry("Authorization", "Bearer top-secret");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.tls()).isEmpty();
    }

    @Test
    void aPemCaBecomesATrustStoreHoldingThatCertificate() throws Exception {
        String pem = selfSignedPem();
        EvmLedgerConfig config = factory().config(definition("evm", "https://127.0.0.1:8545", Optional.of(pem),
                Optional.empty()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(config.tls().orElseThrow().trustStore())) {
            store.load(in, config.tls().orElseThrow().trustStorePassword());
        }
        X509Certificate ca = (X509Certificate) store.getCertificate("ca-0");
        assertThat(ca.getSubjectX500Principal().getName()).contains("CN=besu-ca");
    }

    @Test
    void pemTextWithoutACertificateIsRefused() {
        LedgerDefinition broken = definition("evm", "https://127.0.0.1:8545",
                Optional.of("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"), Optional.empty());
        assertThatThrownBy(() -> factory().config(broken)).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.field()).contains("tlsCaPem"));
    }

    @Test
    void otherLedgerTypesAreNotAvailable() {
        assertThatThrownBy(() -> factory().open(definition("fabric", "http://127.0.0.1:7051", Optional.empty(),
                Optional.empty()))).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_TYPE_UNAVAILABLE));
    }

    private String selfSignedPem() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve("ca.p12");
        run(keytool.toString(), "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=besu-ca", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
                "changeit");
        return run(keytool.toString(), "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(),
                "-storepass", "changeit");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
