package io.cairn.signing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyHandle;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.gateway.ProposedTransaction;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * fabric-gateway builds a proposal offline (its gRPC channel is never used), the custody key signs it
 * through {@link FabricSigner}, and the client takes the signature with {@code newSignedProposal}; the
 * signed proposal it produces verifies with the JDK against the identity's certificate. The certificate
 * itself is signed by the same custody key through {@link DigestSigner}.
 */
class FabricGatewayOfflineTest {
    private final SoftwareKeys keys = new SoftwareKeys();
    private final KeyHandle key = keys.generate(Curve.P256);
    private final ManagedChannel unusedChannel = Grpc.newChannelBuilder("127.0.0.1:7051",
            InsecureChannelCredentials.create()).build();

    @AfterEach
    void closeChannel() {
        unusedChannel.shutdownNow();
    }

    @Test
    void gatewayAcceptsTheSignatureOfItsOfflineProposal() throws Exception {
        X509Certificate certificate = selfSignedCertificate();
        try (Gateway gateway = Gateway.newInstance().identity(new X509Identity("Org1MSP", certificate))
                .connection(unusedChannel).connect()) {
            Proposal unsigned = gateway.getNetwork("cairn-channel").getContract("anchor")
                    .newProposal("anchorCheckpoint").addArguments("42", "ab12").build();
            byte[] proposalBytes = ProposedTransaction.parseFrom(unsigned.getBytes()).getProposal()
                    .getProposalBytes().toByteArray();

            FabricSignature viaDigest = new FabricSigner(keys.custody).signDigest(key, unsigned.getDigest());
            FabricSignature viaBytes = new FabricSigner(keys.custody).sign(key, proposalBytes);
            Proposal signed = gateway.newSignedProposal(unsigned.getBytes(), viaDigest.der());

            assertThat(viaBytes.digest()).isEqualTo(unsigned.getDigest());
            assertThat(signed.getTransactionId()).isEqualTo(unsigned.getTransactionId());
            SignedProposal wire = ProposedTransaction.parseFrom(signed.getBytes()).getProposal();
            assertThat(wire.getSignature().toByteArray()).isEqualTo(viaDigest.der());
            java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(wire.getProposalBytes().toByteArray());
            assertThat(verifier.verify(wire.getSignature().toByteArray())).isTrue();
        }
    }

    private X509Certificate selfSignedCertificate() throws Exception {
        X500Name subject = new X500Name("CN=cairn-fabric-client,O=Org1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, BigInteger.valueOf(now.getEpochSecond()),
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)), subject,
                SubjectPublicKeyInfo.getInstance(keys.custody.publicKey(key).subjectPublicKeyInfo()));
        return new JcaX509CertificateConverter().getCertificate(builder.build(new CustodyContentSigner()));
    }

    /** A BouncyCastle content signer that hashes with SHA-256 and has the custody sign the digest. */
    private final class CustodyContentSigner implements ContentSigner {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
        }

        @Override
        public OutputStream getOutputStream() {
            return buffer;
        }

        @Override
        public byte[] getSignature() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(buffer.toByteArray());
                return new DigestSigner(keys.custody).sign(key, digest, DigestAlgorithm.SHA_256, SignatureEncoding.DER)
                        .bytes();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
