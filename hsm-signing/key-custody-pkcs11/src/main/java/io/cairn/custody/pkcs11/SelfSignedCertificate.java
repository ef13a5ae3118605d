package io.cairn.custody.pkcs11;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate stored beside each ECDSA token key, signed on the token by the key itself:
 * the provider's key store lists only keys that have one, and it names the key's label.
 */
final class SelfSignedCertificate {
    private static final Duration VALIDITY = Duration.ofDays(365L * 100);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificate() {
    }

    /** The X.500 name that carries a key's label: {@code CN=<label>, OU=cairn key custody}. */
    static X500Name subject(String label) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.OU, "cairn key custody")
                .addRDN(BCStyle.CN, label).build();
    }

    /** The label in a subject made by {@link #subject(String)}. */
    static String label(X500Name subject) {
        return IETFUtils.valueToString(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue());
    }

    /** A certificate for the pair, signed with SHA-256 with ECDSA by the provider holding the private key. */
    static X509Certificate create(String label, KeyPair pair, Provider provider) throws GeneralSecurityException {
        Instant now = Instant.now();
        X500Name name = subject(label);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, new BigInteger(63, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), name,
                SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(provider)
                    .build(pair.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("the token cannot sign the key's certificate", e);
        }
    }
}
