package io.cairn.connector.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.cairn.connector.spi.LedgerHealth;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigSignature;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Onboarding an organisation onto the channel through a configuration update: a new CA for the
 * organisation, its application group, the update computed from the channel's current configuration,
 * signatures of the Org1 and Org2 admins (the channel's {@code MAJORITY Admins} policy), broadcast to the
 * orderer; the peers then list the organisation and accept its members.
 */
@Tag("integration")
class ChannelOnboardingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static FabricTestLedger ledger;
    private static FabricConnector connector;
    private static OrdererBroadcast orderer;

    @BeforeAll
    static void startNetwork() throws Exception {
        ledger = FabricTestLedger.start("onboarding", 27450);
        connector = ledger.connector();
        orderer = OrdererBroadcast.open(ledger.testnet().get("ORDERER_ENDPOINT"),
                Files.readString(ledger.testnet().path("ORDERER_TLS_CA")),
                Optional.of(ledger.testnet().get("ORDERER_HOST_OVERRIDE")));
    }

    @AfterAll
    static void stopNetwork() throws Exception {
        if (orderer != null) {
            orderer.close();
        }
        FabricTestLedger.stop(ledger);
    }

    @Test
    void org3JoinsWhenBothAdminsSignAndItsMembersAreThenAccepted() throws Exception {
        OrgCertificates org3Ca = OrgCertificates.newRootCa("org3.cairn.test");
        String caPem = org3Ca.caCertificatePem();
        ConfigGroup org3 = ChannelConfigUpdate.organisationGroup("Org3MSP", caPem, caPem);
        ConfigUpdate update = ChannelConfigUpdate.addOrganisation(channel(), connector.channelConfiguration(),
                "Org3MSP", org3);
        Admin org1 = admin(1);
        Admin org2 = admin(2);

        orderer.submit(ChannelConfigUpdate.envelope(update, List.of(org1.sign(update), org2.sign(update)),
                org1.identity(), org1.signer(), "admin"), PATIENCE);

        FabricTestLedger.await("Org3MSP is in the channel configuration", () -> application().containsGroups("Org3MSP"));
        FabricMSPConfig msp = FabricMSPConfig.parseFrom(MSPConfig.parseFrom(
                application().getGroupsOrThrow("Org3MSP").getValuesOrThrow("MSP").getValue()).getConfig());
        assertThat(msp.getName()).isEqualTo("Org3MSP");
        assertThat(msp.getRootCerts(0).toStringUtf8()).isEqualTo(caPem);
        assertThat(application().getGroupsMap()).containsKeys("Org1MSP", "Org2MSP", "Org3MSP");

        // an Org3 client, enrolled by the new CA, is now a channel member for Org1's peer
        KeyPair keys = p256();
        String clientPem = org3Ca.issueClient("client@org3.cairn.test", keys.getPublic().getEncoded());
        FabricLedgerConfig org3Config = ledger.config().toBuilder().mspId("Org3MSP").identityCertificatePem(clientPem)
                .keyAlias("org3-client").build();
        try (FabricConnector org3Client = FabricConnector.open(org3Config, new SoftwareP256Signer("org3-client", keys))) {
            FabricTestLedger.await("an Org3 client is accepted",
                    () -> org3Client.health().status() == LedgerHealth.Status.UP);
        }
    }

    @Test
    void anUpdateSignedByOnlyOneOfTwoAdminsIsRefused() throws Exception {
        String caPem = OrgCertificates.newRootCa("org4.cairn.test").caCertificatePem();
        ConfigUpdate update = ChannelConfigUpdate.addOrganisation(channel(), connector.channelConfiguration(),
                "Org4MSP", ChannelConfigUpdate.organisationGroup("Org4MSP", caPem, caPem));
        Admin org1 = admin(1);

        assertThatThrownBy(() -> orderer.submit(ChannelConfigUpdate.envelope(update, List.of(org1.sign(update)),
                org1.identity(), org1.signer(), "admin"), PATIENCE))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_ADMIN_CALL_FAILED);
                    assertThat(e.getMessage()).contains("requires 2 of the 'Admins' sub-policies");
                });
        assertThat(application().containsGroups("Org4MSP")).isFalse();
    }

    @Test
    void aMemberCannotBeAddedTwice() {
        assertThatThrownBy(() -> ChannelConfigUpdate.addOrganisation(channel(), connector.channelConfiguration(),
                "Org1MSP", ConfigGroup.getDefaultInstance()))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_ADMIN_CALL_FAILED));
    }

    // ------------------------------------------------------------------------------------------------

    /** An organisation's admin as cryptogen made it: certificate and key on disk. */
    private record Admin(SerializedIdentity identity, SoftwareP256Signer signer) {
        ConfigSignature sign(ConfigUpdate update) {
            return ChannelConfigUpdate.sign(update, identity, signer, "admin");
        }
    }

    private static Admin admin(int org) throws Exception {
        Path orgHome = ledger.testnet().path("ORG" + org + "_USER_CERT").getParent().getParent().getParent()
                .getParent().getParent();
        Path msp = orgHome.resolve("users/Admin@org" + org + ".cairn.test/msp");
        Path certFile = msp.resolve("signcerts/Admin@org" + org + ".cairn.test-cert.pem");
        X509Certificate cert;
        try (Reader reader = Files.newBufferedReader(certFile)) {
            cert = Identities.readX509Certificate(reader);
        }
        Path keyFile;
        try (var files = Files.list(msp.resolve("keystore"))) {
            keyFile = files.findFirst().orElseThrow();
        }
        try (Reader reader = Files.newBufferedReader(keyFile)) {
            SerializedIdentity identity = SerializedIdentity.newBuilder().setMspid("Org" + org + "MSP")
                    .setIdBytes(ByteString.copyFrom(Files.readAllBytes(certFile))).build();
            return new Admin(identity, new SoftwareP256Signer("admin",
                    new KeyPair(cert.getPublicKey(), Identities.readPrivateKey(reader))));
        }
    }

    private static String channel() {
        return ledger.config().channel();
    }

    private static ConfigGroup application() {
        return connector.channelConfiguration().getChannelGroup().getGroupsOrThrow("Application");
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
