package io.cairn.http;

import io.cairn.kernel.files.SecretFiles;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A development certificate for the listener when no keystore is configured: an EC P-256 key and a
 * self-signed certificate for {@code localhost}, {@code 127.0.0.1} and the host name, generated once into
 * the data directory (files readable by the appliance user only) and reused at every start.
 *
 * @param keystore the PKCS#12 keystore
 * @param password its password
 */
record SelfSignedCertificate(KeyStore keystore, char[] password) {
    private static final String KEYSTORE = "self-signed.p12";
    private static final String PASSWORD = "self-signed.password";

    static SelfSignedCertificate loadOrCreate(Path directory) throws IOException, GeneralSecurityException {
        Path keystoreFile = directory.resolve(KEYSTORE);
        Path passwordFile = directory.resolve(PASSWORD);
        if (Files.exists(keystoreFile) && Files.exists(passwordFile)) {
            char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystoreFile)) {
                store.load(in, password);
            }
            return new SelfSignedCertificate(store, password);
        }
        Files.createDirectories(directory);
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        char[] password = HexFormat.of().formatHex(random).toCharArray();
        KeyStore store = create(password);
        SecretFiles.write(passwordFile, new String(password).getBytes(StandardCharsets.UTF_8));
        SecretFiles.write(keystoreFile, out -> {
            try {
                store.store(out, password);
            } catch (GeneralSecurityException e) {
                throw new IOException("the keystore could not be written", e);
            }
        });
        return new SelfSignedCertificate(store, password);
    }

    private static KeyStore create(char[] password) throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = certificate(pair);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("cairn", pair.getPrivate(), password, new X509Certificate[] {certificate});
        return store;
    }

    private static X509Certificate certificate(KeyPair pair) throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=Cairn appliance (self-signed development certificate)");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(825))), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.dNSName, InetAddress.getLocalHost().getHostName())}));
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
