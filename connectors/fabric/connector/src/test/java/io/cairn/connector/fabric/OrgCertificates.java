package io.cairn.connector.fabric;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.client.identity.Identities;

/**
 * An organisation's certificate authority in tests: the test network's CA of an organisation (the key
 * {@code cryptogen} left in the organisation's {@code ca} directory) or a new root CA for an organisation
 * that joins later. Issues client certificates the way the organisation's CA would enrol a member: subject
 * with {@code OU=client} (the MSPs use node OUs), digital-signature key usage, not a CA, authority key
 * identifier = the CA's subject key identifier.
 */
final class OrgCertificates {

    private final X509Certificate caCertificate;
    private final PrivateKey caKey;

    private OrgCertificates(X509Certificate caCertificate, PrivateKey caKey) {
        this.caCertificate = caCertificate;
        this.caKey = caKey;
    }

    /** The CA of the organisation whose user certificate is {@code userCertificate} (cryptogen layout). */
    static OrgCertificates forUserCertificate(Path userCertificate) throws IOException, GeneralSecurityException {
        // <org>/users/<user>/msp/signcerts/<cert>
        Path caDir = userCertificate.getParent().getParent().getParent().getParent().getParent().resolve("ca");
        Path certFile;
        Path keyFile;
        try (Stream<Path> files = Files.list(caDir)) {
            certFile = files.filter(p -> p.toString().endsWith("-cert.pem")).findFirst().orElseThrow();
        }
        try (Stream<Path> files = Files.list(caDir)) {
            keyFile = files.filter(p -> p.toString().endsWith("_sk")).findFirst().orElseThrow();
        }
        try (Reader cert = Files.newBufferedReader(certFile); Reader key = Files.newBufferedReader(keyFile)) {
            return new OrgCertificates(Identities.readX509Certificate(cert), Identities.readPrivateKey(key));
        }
    }

    /** A new self-signed P-256 root CA {@code ca.<domain>} for organisation {@code domain}. */
    static OrgCertificates newRootCa(String domain) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        X500Name name = new X500Name("C=US,O=" + domain + ",CN=ca." + domain);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365))), name, spki);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign
                | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(spki));
        try {
            X509Certificate ca = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new OrgCertificates(ca, keys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** The CA certificate in PEM. */
    String caCertificatePem() throws IOException {
        return pem(caCertificate);
    }

    /** A PEM client certificate for {@code commonName} certifying {@code subjectPublicKeyInfo}. */
    String issueClient(String commonName, byte[] subjectPublicKeyInfo) throws IOException, GeneralSecurityException {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(subjectPublicKeyInfo);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()),
                new BigInteger(64, new java.security.SecureRandom()).add(BigInteger.ONE),
                // Fabric's MSP checks the chain at the certificate's notBefore + 1 s: the CA must be valid then
                caCertificate.getNotBefore(), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("C=US,ST=California,L=San Francisco,OU=client,CN=" + commonName), spki);
        byte[] caKeyId = SubjectKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(caCertificate).getExtensions())
                .getKeyIdentifier();
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(caKeyId));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(spki));
        try {
            return pem(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String pem(Object certificate) throws IOException {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(certificate);
        }
        return pem.toString();
    }
}
