package io.cairn.ca;

import io.cairn.membership.Member;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

/**
 * The two certificate profiles of the consortium CA: its own self-signed certificate and member certificates.
 */
final class CertificateProfiles {
    private static final BcX509ExtensionUtils EXTENSIONS = new BcX509ExtensionUtils();

    private CertificateProfiles() {
    }

    /** A positive serial number of 128 random bits (never zero). */
    static BigInteger serial(SecureRandom random) {
        byte[] bytes = new byte[16];
        BigInteger serial;
        do {
            random.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }

    /**
     * The self-signed CA certificate: basicConstraints CA:true pathlen 0, keyUsage keyCertSign and cRLSign (both
     * critical), subject and authority key identifiers.
     */
    static X509CertificateHolder authority(CaKey key, X500Name subject, BigInteger serial, Instant now, Duration validity) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded());
        Instant from = now.truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, serial, Date.from(from),
                Date.from(from.plus(validity)), subject, spki);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, EXTENSIONS.createSubjectKeyIdentifier(spki));
            builder.addExtension(Extension.authorityKeyIdentifier, false, EXTENSIONS.createAuthorityKeyIdentifier(spki));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode the CA certificate's extensions", e);
        }
        return builder.build(new CaContentSigner(key));
    }

    /**
     * A member certificate: subject C = jurisdiction, O = legal name, serialNumber = LEI, CN = the request's
     * common name or else the legal name; basicConstraints CA:false and keyUsage digitalSignature (critical),
     * extendedKeyUsage clientAuth (and serverAuth when configured), the requested DNS names, the CRL
     * distribution point when configured, subject and authority key identifiers. It never outlives the CA.
     */
    static X509CertificateHolder member(CaKey key, X509CertificateHolder ca, Member member, CsrPolicy.Checked request,
                                        BigInteger serial, Instant now, CaSettings settings) {
        Instant from = now.truncatedTo(ChronoUnit.SECONDS);
        Instant until = from.plus(settings.certificateValidity());
        Instant caEnd = ca.getNotAfter().toInstant();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(ca.getSubject(), serial, Date.from(from),
                Date.from(until.isAfter(caEnd) ? caEnd : until), subject(member, request.commonName()), request.publicKey());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, settings.serverAuth()
                    ? new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth})
                    : new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            if (!request.dnsNames().isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, dnsNames(request.dnsNames()));
            }
            if (settings.crlUrl().isPresent()) {
                builder.addExtension(Extension.cRLDistributionPoints, false, distributionPoint(settings.crlUrl().get().toString()));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    EXTENSIONS.createSubjectKeyIdentifier(request.publicKey()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(ca));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode the member certificate's extensions", e);
        }
        return builder.build(new CaContentSigner(key));
    }

    /** The subject of a member certificate; see {@link #member}. */
    static X500Name subject(Member member, Optional<String> commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, member.jurisdiction())
                .addRDN(BCStyle.O, member.legalName())
                .addRDN(BCStyle.SERIALNUMBER, member.lei().value())
                .addRDN(BCStyle.CN, commonName.orElse(member.legalName()))
                .build();
    }

    /** The key identifier of the CA certificate, as the AKI of what it signs. */
    static AuthorityKeyIdentifier authorityKeyIdentifier(X509CertificateHolder ca) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(ca.getExtensions());
        return new AuthorityKeyIdentifier(ski.getKeyIdentifier());
    }

    private static GeneralNames dnsNames(List<String> names) {
        return new GeneralNames(names.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new));
    }

    private static CRLDistPoint distributionPoint(String url) {
        GeneralNames where = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url));
        return new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(where), null, null)});
    }

    /** Whether a certificate certifies this public key. */
    static boolean certifies(X509CertificateHolder certificate, PublicKey key) {
        try {
            return java.util.Arrays.equals(certificate.getSubjectPublicKeyInfo().getEncoded(),
                    SubjectPublicKeyInfo.getInstance(key.getEncoded()).getEncoded());
        } catch (IOException e) {
            return false;
        }
    }
}
