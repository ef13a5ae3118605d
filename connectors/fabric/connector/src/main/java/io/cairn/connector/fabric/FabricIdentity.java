package io.cairn.connector.fabric;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * The connector's Fabric identity: MSP id and X.509 certificate. Tells whether a transaction's creator is
 * this identity (same MSP, same certificate).
 */
final class FabricIdentity {

    private final X509Identity identity;
    private final byte[] certificateDer;

    private FabricIdentity(X509Identity identity) throws CertificateException {
        this.identity = identity;
        this.certificateDer = identity.getCertificate().getEncoded();
    }

    /** Reads the configured identity. */
    static FabricIdentity of(String mspId, String certificatePem) {
        try {
            return new FabricIdentity(new X509Identity(mspId, certificate("identityCertificatePem", certificatePem)));
        } catch (CertificateException e) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, "identityCertificatePem",
                    "unreadable identity certificate: " + e.getMessage());
        }
    }

    /** Parses one PEM certificate; a bad one is {@code CAIRN-LEDGER-0009} naming {@code field}. */
    static X509Certificate certificate(String field, String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, field,
                    "unreadable certificate: " + e.getMessage());
        }
    }

    X509Identity gatewayIdentity() {
        return identity;
    }

    X509Certificate certificate() {
        return identity.getCertificate();
    }

    /** The certificate's public key as an uncompressed SEC1 point, as a {@code SignerKey} holds it. */
    byte[] rawPublicKey() {
        if (!(certificate().getPublicKey() instanceof ECPublicKey ec)) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, "identityCertificatePem",
                    "the identity certificate does not hold an EC public key");
        }
        byte[] raw = new byte[65];
        raw[0] = 0x04;
        copy32(ec.getW().getAffineX(), raw, 1);
        copy32(ec.getW().getAffineY(), raw, 33);
        return raw;
    }

    /** Whether {@code creator} is this identity. */
    boolean isCreator(SerializedIdentity creator) {
        if (!creator.getMspid().equals(identity.getMspId())) {
            return false;
        }
        if (Arrays.equals(creator.getIdBytes().toByteArray(), identity.getCredentials())) {
            return true;
        }
        try {
            return Arrays.equals(certificate("creator", creator.getIdBytes().toStringUtf8()).getEncoded(),
                    certificateDer);
        } catch (CertificateException | CairnException e) {
            return false;
        }
    }

    /** The creator in the ledger's notation: {@code mspId:subject}. */
    static String describe(SerializedIdentity creator) {
        try {
            return creator.getMspid() + ":" + certificate("creator", creator.getIdBytes().toStringUtf8())
                    .getSubjectX500Principal().getName();
        } catch (CairnException e) {
            return creator.getMspid();
        }
    }

    private static void copy32(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, offset + 32 - length, length);
    }
}
