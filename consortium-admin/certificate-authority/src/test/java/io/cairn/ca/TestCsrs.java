package io.cairn.ca;

import io.cairn.membership.CertificateRequest;
import io.cairn.membership.Contact;
import io.cairn.membership.ConsortiumRole;
import io.cairn.membership.LedgerIdentities;
import io.cairn.membership.Lei;
import io.cairn.membership.Member;
import io.cairn.membership.MemberStatus;
import java.io.StringWriter;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Builds real PKCS#10 requests and members for tests. */
final class TestCsrs {
    static final String LEI = "506700GE1G29325QX363";

    private TestCsrs() {
    }

    /** A PEM request signed by its own key with the usual algorithm for the key type. */
    static String pem(KeyPair key, String subject, GeneralName... alternativeNames) {
        return pem(key, defaultSignature(key), subject, alternativeNames);
    }

    static String pem(KeyPair key, String signatureAlgorithm, String subject, GeneralName... alternativeNames) {
        try {
            PKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(name(subject),
                    key.getPublic());
            if (alternativeNames.length > 0) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                JcaContentSignerBuilder signer = new JcaContentSignerBuilder(signatureAlgorithm);
                if (key.getPrivate().getClass().getName().startsWith("org.bouncycastle")) {
                    signer.setProvider(new BouncyCastleProvider());
                }
                writer.writeObject(builder.build(signer.build(key.getPrivate())));
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A name from {@code K=V,K=V} text, UTF8String values without length checks (to build invalid requests too). */
    static X500Name name(String text) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            builder.addRDN(new AttributeTypeAndValue(BCStyle.INSTANCE.attrNameToOID(kv[0].strip()), new DERUTF8String(kv[1])));
        }
        return builder.build();
    }

    static CertificateRequest request(KeyPair key, String subject, GeneralName... alternativeNames) {
        return CertificateRequest.parse("csr", pem(key, subject, alternativeNames));
    }

    static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    static String defaultSignature(KeyPair key) {
        return switch (key.getPublic().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> "SHA256withECDSA";
        };
    }

    static Member member(String lei, String legalName, String jurisdiction, MemberStatus status) {
        return new Member(UUID.randomUUID(), Lei.of(lei), legalName, jurisdiction,
                List.of(new Contact("Ops Desk", "ops@bank.example", "+49 69 1234 5678")),
                Set.of(ConsortiumRole.PARTICIPANT), LedgerIdentities.none(), status, Instant.parse("2026-03-02T09:00:00Z"),
                "admin-1");
    }

    static Member member() {
        return member(LEI, "Bank A AG", "DE", MemberStatus.APPLICANT);
    }
}
