package io.cairn.connector.fabric;

import static org.junit.jupiter.api.Assertions.fail;

import io.cairn.connector.fabric.testnet.FabricTestnet;
import io.cairn.custody.pkcs11.Pkcs11KeyCustody;
import io.cairn.custody.pkcs11.SoftHsm;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The native Fabric test network with a SoftHSM identity for the connector: starts the network (skipping
 * the test class when the Fabric binaries are not cached), generates a P-256 key on a SoftHSM token, has
 * Org1's CA certify it as an Org1 client and configures a connector for it. One per test class.
 */
final class FabricTestLedger implements AutoCloseable {

    /** The connector's key alias in the signer. */
    static final String KEY_ALIAS = "fabric-org1-anchor";

    private final FabricTestnet testnet;
    private final Pkcs11KeyCustody custody;
    private final HsmTransactionSigner signer;
    private final FabricLedgerConfig config;
    private final FabricConnector connector;

    private FabricTestLedger(FabricTestnet testnet, Pkcs11KeyCustody custody, HsmTransactionSigner signer,
            FabricLedgerConfig config) {
        this.testnet = testnet;
        this.custody = custody;
        this.signer = signer;
        this.config = config;
        this.connector = FabricConnector.open(config, signer);
    }

    /** Starts a network on {@code basePort} in the run directory {@code name}. */
    static FabricTestLedger start(String name, int basePort) throws Exception {
        requireSoftHsm();
        Path jar = Path.of(System.getProperty("cairn.fabric.chaincode.jar", "target/chaincode/missing.jar"));
        Path runDir = Path.of(System.getProperty("cairn.fabric.run.dir", "target/fabric-testnet")).resolve(name);
        FabricTestnet testnet = FabricTestnet.start(jar, runDir.toAbsolutePath(), basePort);
        System.out.println("Fabric peer: " + testnet.get("FABRIC_PEER_VERSION_OUTPUT"));
        System.out.println("Fabric network startup (up.sh incl. chaincode deployment): "
                + testnet.startup().toMillis() + " ms");
        Pkcs11KeyCustody custody = null;
        try {
            custody = Pkcs11KeyCustody.open(SoftHsm.shared().options(2));
            KeyMaterialInfo key = custody.generate(new KeySpec("fabric-" + name, Curve.P256));
            HsmTransactionSigner signer = new HsmTransactionSigner(custody);
            signer.register(KEY_ALIAS, key.handle());
            String certificate = OrgCertificates.forUserCertificate(testnet.path("ORG1_USER_CERT"))
                    .issueClient("cairn-" + name + "@org1.cairn.test", key.publicKey().subjectPublicKeyInfo());
            return new FabricTestLedger(testnet, custody, signer, configFor(testnet, certificate, KEY_ALIAS));
        } catch (Exception | AssertionError e) {
            if (custody != null) {
                custody.close();
            }
            testnet.close();
            throw e;
        }
    }

    /** A connector configuration for an Org1 identity of this network. */
    static FabricLedgerConfig configFor(FabricTestnet testnet, String certificatePem, String keyAlias)
            throws IOException {
        return FabricLedgerConfig.builder()
                .ledgerId("fabric-test")
                .peerEndpoint(testnet.get("ORG1_PEER_ENDPOINT"))
                .tlsRootCertificatePem(Files.readString(testnet.path("ORG1_PEER_TLS_CA")))
                .tlsHostOverride(testnet.get("ORG1_PEER_HOST_OVERRIDE"))
                .channel(testnet.get("CHANNEL"))
                .chaincode(testnet.get("CHAINCODE_NAME"))
                .mspId(testnet.get("ORG1_MSP_ID"))
                .identityCertificatePem(certificatePem)
                .keyAlias(keyAlias)
                .requestTimeout(Duration.ofSeconds(20))
                .commitTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static void requireSoftHsm() {
        Optional<String> missing = SoftHsm.missing();
        if (missing.isPresent()) {
            String reason = "SoftHSM2 unavailable: " + missing.get();
            if ("true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
    }

    FabricTestnet testnet() {
        return testnet;
    }

    HsmTransactionSigner signer() {
        return signer;
    }

    FabricLedgerConfig config() {
        return config;
    }

    /** The connector of the SoftHSM identity, closed with the network. */
    FabricConnector connector() {
        return connector;
    }

    /** Polls {@code condition} every 20 ms until it holds, for at most 30 s. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    /** Stops the network of a test class, if it was started. */
    static void stop(FabricTestLedger ledger) throws IOException {
        if (ledger != null) {
            ledger.close();
        }
    }

    /** Closes the connector, prints the network's memory and stops it by PID. */
    @Override
    public void close() throws IOException {
        try {
            connector.close();
            System.out.println("Fabric process RSS (KiB): " + testnet.residentMemoryKib());
            custody.close();
        } finally {
            testnet.close();
        }
    }
}
