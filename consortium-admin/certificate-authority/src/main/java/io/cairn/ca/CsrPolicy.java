package io.cairn.ca;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.membership.CertificateRequest;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * What the consortium CA accepts in a certificate signing request. The request's self-signature is verified
 * first ({@code CAIRN-MEMBER-0003}); then:
 * <ul>
 *   <li>its key is RSA of 2048 to 8192 bits with public exponent at least 65537, ECDSA on P-256, P-384 or P-521
 *       (named curve), or Ed25519 — anything else is refused with {@code CAIRN-MEMBER-0018};</li>
 *   <li>its signature algorithm uses SHA-256 or stronger (no MD5, no SHA-1), also {@code CAIRN-MEMBER-0018};</li>
 *   <li>its requested subject alternative names are DNS host names only ({@code CAIRN-MEMBER-0019}), at most
 *       {@value #MAX_DNS_NAMES}, no wildcards; every other requested extension is ignored;</li>
 *   <li>its subject's first common name, when there is one, is kept (at most 64 characters); every other part
 *       of its subject is ignored.</li>
 * </ul>
 */
final class CsrPolicy {
    static final int MAX_DNS_NAMES = 50;
    private static final String FIELD = "csr";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Map<String, String> CURVES = Map.of("1.2.840.10045.3.1.7", "P-256",
            "1.3.132.0.34", "P-384", "1.3.132.0.35", "P-521");
    private static final Set<String> SIGNATURES = Set.of(
            "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13", // sha256/384/512WithRSA
            "1.2.840.113549.1.1.10", // RSASSA-PSS
            "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4", // ecdsa-with-SHA256/384/512
            "1.3.101.112"); // Ed25519

    private CsrPolicy() {
    }

    /**
     * A request the CA accepts.
     *
     * @param publicKey  the key to certify
     * @param commonName the request's first common name
     * @param dnsNames   requested DNS subject alternative names, lower case, in request order
     */
    record Checked(SubjectPublicKeyInfo publicKey, Optional<String> commonName, List<String> dnsNames) {
    }

    /** Verifies and checks a request; see the class description. */
    static Checked check(CertificateRequest request) {
        CertificateRequest verified = CertificateRequest.parse(FIELD, request.pem());
        PKCS10CertificationRequest csr = read(verified.pem());
        checkKey(csr.getSubjectPublicKeyInfo());
        String signature = csr.getSignatureAlgorithm().getAlgorithm().getId();
        if (!SIGNATURES.contains(signature)) {
            throw refusedKey("the request is signed with algorithm " + signature
                    + "; use SHA-256 or stronger with RSA or ECDSA, or Ed25519");
        }
        return new Checked(csr.getSubjectPublicKeyInfo(), commonName(csr), dnsNames(csr.getRequestedExtensions()));
    }

    private static PKCS10CertificationRequest read(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return (PKCS10CertificationRequest) parser.readObject();
        } catch (IOException e) {
            throw CairnException.field(ErrorCode.MEMBER_MALFORMED_CSR, FIELD, "the request cannot be read again");
        }
    }

    private static void checkKey(SubjectPublicKeyInfo key) {
        String algorithm = key.getAlgorithm().getAlgorithm().getId();
        switch (algorithm) {
            case "1.2.840.113549.1.1.1" -> checkRsa(key);
            case "1.2.840.10045.2.1" -> {
                if (!(key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)
                        || !CURVES.containsKey(curve.getId())) {
                    throw refusedKey("the EC key is not on an approved named curve (P-256, P-384, P-521)");
                }
            }
            case "1.3.101.112" -> {
                // Ed25519: fixed strength
            }
            default -> throw refusedKey("keys of algorithm " + algorithm
                    + " are not certified; use RSA (2048 bits or more), ECDSA P-256/P-384/P-521 or Ed25519");
        }
    }

    private static void checkRsa(SubjectPublicKeyInfo key) {
        RSAPublicKey rsa;
        try {
            rsa = RSAPublicKey.getInstance(key.parsePublicKey());
        } catch (IOException | IllegalArgumentException e) {
            throw refusedKey("the RSA public key cannot be decoded");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < 2048 || bits > 8192) {
            throw refusedKey("the RSA key has " + bits + " bits; 2048 to 8192 bits are certified");
        }
        BigInteger e = rsa.getPublicExponent();
        if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(65537)) < 0) {
            throw refusedKey("the RSA public exponent must be odd and at least 65537");
        }
    }

    private static Optional<String> commonName(PKCS10CertificationRequest csr) {
        RDN[] names = csr.getSubject().getRDNs(BCStyle.CN);
        if (names.length == 0) {
            return Optional.empty();
        }
        String cn = IETFUtils.valueToString(names[0].getFirst().getValue()).strip();
        if (cn.length() > 64 || cn.isEmpty()) {
            throw CairnException.field(ErrorCode.MEMBER_MALFORMED_CSR, FIELD,
                    "the request's common name must be 1 to 64 characters");
        }
        return Optional.of(cn);
    }

    private static List<String> dnsNames(Extensions requested) {
        if (requested == null || requested.getExtension(Extension.subjectAlternativeName) == null) {
            return List.of();
        }
        GeneralName[] names;
        try {
            names = GeneralNames.fromExtensions(requested, Extension.subjectAlternativeName).getNames();
        } catch (IllegalArgumentException e) {
            throw refusedExtension("the requested subject alternative names cannot be decoded");
        }
        if (names.length > MAX_DNS_NAMES) {
            throw refusedExtension("at most " + MAX_DNS_NAMES + " DNS names may be requested");
        }
        List<String> dns = new ArrayList<>();
        for (GeneralName name : names) {
            if (name.getTagNo() != GeneralName.dNSName) {
                throw refusedExtension("only DNS names are granted as subject alternative names; the request asks for "
                        + "a name of GeneralName type " + name.getTagNo());
            }
            dns.add(hostName(name.getName().toString()));
        }
        return List.copyOf(dns);
    }

    private static String hostName(String raw) {
        String name = raw.toLowerCase(Locale.ROOT);
        boolean valid = name.length() <= 253 && !name.isEmpty()
                && java.util.Arrays.stream(name.split("\\.", -1)).allMatch(l -> LABEL.matcher(l).matches());
        if (!valid) {
            throw refusedExtension("'" + raw + "' is not a DNS host name (letters, digits and dashes in dot-separated "
                    + "labels; no wildcards)");
        }
        return name;
    }

    private static CairnException refusedKey(String detail) {
        return CairnException.field(ErrorCode.MEMBER_CSR_KEY_REFUSED, FIELD, detail);
    }

    private static CairnException refusedExtension(String detail) {
        return CairnException.field(ErrorCode.MEMBER_CSR_EXTENSION_REFUSED, FIELD, detail);
    }
}
