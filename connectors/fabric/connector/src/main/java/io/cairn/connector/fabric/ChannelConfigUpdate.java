package io.cairn.connector.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.cairn.connector.spi.SignatureScheme;
import io.cairn.connector.spi.SigningRequest;
import io.cairn.connector.spi.TransactionSigner;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ConfigSignature;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.msp.FabricCryptoConfig;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.FabricOUIdentifier;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Channel configuration updates for onboarding an organisation, built from Fabric's protobuf messages (no
 * {@code configtxlator}): the organisation's application group (MSP with node OUs, the usual
 * Readers/Writers/Admins/Endorsement signature policies), the {@code ConfigUpdate} that adds it to the
 * channel's {@code Application} group, admin signatures over it and the {@code CONFIG_UPDATE} envelope for
 * the ordering service. Every signature comes from a {@link TransactionSigner}.
 */
public final class ChannelConfigUpdate {

    private static final String APPLICATION = "Application";
    private static final String ADMINS = "Admins";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChannelConfigUpdate() {
    }

    /**
     * The application group of a new organisation: an X.509 MSP whose root (and TLS root) is the given CA,
     * with node OUs ({@code client}, {@code peer}, {@code admin}, {@code orderer}) issued by it.
     */
    public static ConfigGroup organisationGroup(String mspId, String rootCaPem, String tlsRootCaPem) {
        ByteString root = ByteString.copyFrom(rootCaPem, StandardCharsets.US_ASCII);
        FabricMSPConfig msp = FabricMSPConfig.newBuilder()
                .setName(mspId)
                .addRootCerts(root)
                .addTlsRootCerts(ByteString.copyFrom(tlsRootCaPem, StandardCharsets.US_ASCII))
                .setCryptoConfig(FabricCryptoConfig.newBuilder().setSignatureHashFamily("SHA2")
                        .setIdentityIdentifierHashFunction("SHA256"))
                .setFabricNodeOus(FabricNodeOUs.newBuilder().setEnable(true)
                        .setClientOuIdentifier(ou(root, "client"))
                        .setPeerOuIdentifier(ou(root, "peer"))
                        .setAdminOuIdentifier(ou(root, "admin"))
                        .setOrdererOuIdentifier(ou(root, "orderer")))
                .build();
        ConfigValue mspValue = ConfigValue.newBuilder().setModPolicy(ADMINS).setValue(MSPConfig.newBuilder()
                .setType(0).setConfig(msp.toByteString()).build().toByteString()).build();
        return ConfigGroup.newBuilder()
                .setModPolicy(ADMINS)
                .putValues("MSP", mspValue)
                .putPolicies("Readers", signedByAnyOf(mspId, MSPRole.MSPRoleType.ADMIN, MSPRole.MSPRoleType.PEER,
                        MSPRole.MSPRoleType.CLIENT))
                .putPolicies("Writers", signedByAnyOf(mspId, MSPRole.MSPRoleType.ADMIN, MSPRole.MSPRoleType.CLIENT))
                .putPolicies(ADMINS, signedByAnyOf(mspId, MSPRole.MSPRoleType.ADMIN))
                .putPolicies("Endorsement", signedByAnyOf(mspId, MSPRole.MSPRoleType.PEER))
                .build();
    }

    /**
     * The update adding {@code organisation} under {@code mspId} to the channel's application group. The read
     * set is the current application group (every unchanged element at its version), the write set the
     * same group one version later with the new organisation (all its elements at version 0).
     *
     * @throws CairnException {@code CAIRN-LEDGER-0010} when the channel has no application group or the
     *                        organisation is already a member
     */
    public static ConfigUpdate addOrganisation(String channel, Config current, String mspId, ConfigGroup organisation) {
        ConfigGroup channelGroup = current.getChannelGroup();
        if (!channelGroup.containsGroups(APPLICATION)) {
            throw new CairnException(ErrorCode.LEDGER_ADMIN_CALL_FAILED, "channel " + channel + " has no application group");
        }
        ConfigGroup application = channelGroup.getGroupsOrThrow(APPLICATION);
        if (application.containsGroups(mspId)) {
            throw new CairnException(ErrorCode.LEDGER_ADMIN_CALL_FAILED, mspId + " is already a member of " + channel);
        }
        ConfigGroup grown = application.toBuilder().setVersion(application.getVersion() + 1)
                .putGroups(mspId, organisation).build();
        return ConfigUpdate.newBuilder()
                .setChannelId(channel)
                .setReadSet(ConfigGroup.newBuilder().setVersion(channelGroup.getVersion()).putGroups(APPLICATION, application))
                .setWriteSet(ConfigGroup.newBuilder().setVersion(channelGroup.getVersion()).putGroups(APPLICATION, grown))
                .build();
    }

    /** An admin's signature over the update: ECDSA over {@code signatureHeader || configUpdate}. */
    public static ConfigSignature sign(ConfigUpdate update, SerializedIdentity admin, TransactionSigner signer,
            String keyAlias) {
        ByteString header = signatureHeader(admin).toByteString();
        byte[] signature = signer.sign(new SigningRequest(keyAlias, SignatureScheme.ECDSA_P256_SHA256_DER,
                header.concat(update.toByteString()).toByteArray(), "config update of " + update.getChannelId()
                        + " by " + admin.getMspid()));
        return ConfigSignature.newBuilder().setSignatureHeader(header).setSignature(ByteString.copyFrom(signature))
                .build();
    }

    /** The signed {@code CONFIG_UPDATE} envelope to broadcast to the ordering service. */
    public static Envelope envelope(ConfigUpdate update, List<ConfigSignature> signatures, SerializedIdentity submitter,
            TransactionSigner signer, String keyAlias) {
        SignatureHeader signatureHeader = signatureHeader(submitter);
        Instant now = Instant.now();
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.CONFIG_UPDATE_VALUE)
                .setChannelId(update.getChannelId())
                .setTxId(transactionId(signatureHeader))
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(channelHeader.toByteString())
                        .setSignatureHeader(signatureHeader.toByteString()))
                .setData(ConfigUpdateEnvelope.newBuilder().setConfigUpdate(update.toByteString())
                        .addAllSignatures(signatures).build().toByteString())
                .build();
        byte[] signature = signer.sign(new SigningRequest(keyAlias, SignatureScheme.ECDSA_P256_SHA256_DER,
                payload.toByteArray(), "config update envelope of " + update.getChannelId()));
        return Envelope.newBuilder().setPayload(payload.toByteString()).setSignature(ByteString.copyFrom(signature))
                .build();
    }

    private static SignatureHeader signatureHeader(SerializedIdentity identity) {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        return SignatureHeader.newBuilder().setCreator(identity.toByteString()).setNonce(ByteString.copyFrom(nonce))
                .build();
    }

    /** Fabric's transaction id: hex of SHA-256 over nonce and creator. */
    private static String transactionId(SignatureHeader header) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(header.getNonce().toByteArray());
            sha256.update(header.getCreator().toByteArray());
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FabricOUIdentifier ou(ByteString certificate, String name) {
        return FabricOUIdentifier.newBuilder().setCertificate(certificate).setOrganizationalUnitIdentifier(name).build();
    }

    private static ConfigPolicy signedByAnyOf(String mspId, MSPRole.MSPRoleType... roles) {
        SignaturePolicyEnvelope.Builder envelope = SignaturePolicyEnvelope.newBuilder().setVersion(0);
        SignaturePolicy.NOutOf.Builder anyOf = SignaturePolicy.NOutOf.newBuilder().setN(1);
        for (int i = 0; i < roles.length; i++) {
            envelope.addIdentities(MSPPrincipal.newBuilder()
                    .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
                    .setPrincipal(MSPRole.newBuilder().setMspIdentifier(mspId).setRole(roles[i]).build().toByteString()));
            anyOf.addRules(SignaturePolicy.newBuilder().setSignedBy(i));
        }
        envelope.setRule(SignaturePolicy.newBuilder().setNOutOf(anyOf));
        return ConfigPolicy.newBuilder().setModPolicy(ADMINS).setPolicy(Policy.newBuilder()
                .setType(Policy.PolicyType.SIGNATURE_VALUE).setValue(envelope.build().toByteString())).build();
    }
}
