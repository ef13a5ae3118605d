package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Syntax rules of the ledger identities a member declares: Ethereum, enode, Fabric MSP, Corda X.500. */
final class LedgerIdentityRules {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern NODE_ID = Pattern.compile("[0-9a-f]{128}");
    private static final Pattern HOST = Pattern.compile(
            "(([0-9]{1,3}\\.){3}[0-9]{1,3})|([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)");
    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+-----END CERTIFICATE-----\\s*");
    /** Corda 4 legal names: only these attributes, at most this many characters each. */
    private static final Map<ASN1ObjectIdentifier, Integer> CORDA_ATTRIBUTES = Map.of(
            BCStyle.C, 2, BCStyle.ST, 64, BCStyle.L, 64, BCStyle.O, 128, BCStyle.OU, 64, BCStyle.CN, 64);

    private LedgerIdentityRules() {
    }

    /**
     * An Ethereum account in its EIP-55 checksummed form. All-lower or all-upper case input carries no
     * checksum and is accepted; mixed case must match the EIP-55 checksum.
     */
    static String ethereumAccount(String field, String address) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw invalid(field, "an Ethereum account is '0x' followed by 40 hexadecimal digits");
        }
        String hex = address.substring(2);
        String checksummed = eip55(hex.toLowerCase(Locale.ROOT));
        boolean mixed = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        if (mixed && !checksummed.equals(address)) {
            throw invalid(field, "the EIP-55 checksum of " + address + " is wrong (expected " + checksummed + ")");
        }
        return checksummed;
    }

    /** EIP-55: a letter is upper case when the matching nibble of keccak256(lower-case hex) is 8 or more. */
    static String eip55(String lowerHex) {
        KeccakDigest keccak = new KeccakDigest(256);
        byte[] ascii = lowerHex.getBytes(StandardCharsets.US_ASCII);
        keccak.update(ascii, 0, ascii.length);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        String hashHex = HexFormat.of().formatHex(hash);
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < lowerHex.length(); i++) {
            char c = lowerHex.charAt(i);
            out.append(Character.digit(hashHex.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    /** An enode URL: {@code enode://<128 hex node id>@<host>:<port>[?discport=<port>]}. */
    static String enode(String field, String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url);
        } catch (URISyntaxException e) {
            throw invalid(field, "not a URL: " + e.getReason());
        }
        if (!"enode".equals(uri.getScheme()) || uri.getRawUserInfo() == null
                || !NODE_ID.matcher(uri.getRawUserInfo()).matches()) {
            throw invalid(field, "an enode URL is enode://<node id: 128 lower-case hex digits>@<host>:<port>");
        }
        if (uri.getHost() == null || !HOST.matcher(uri.getHost()).matches() || !validIpv4(uri.getHost())) {
            throw invalid(field, "the enode URL's host must be an IPv4 address or a host name");
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw invalid(field, "the enode URL's port must be 1-65535");
        }
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        if ((path != null && !path.isEmpty()) || uri.getRawFragment() != null
                || (query != null && !query.matches("discport=([1-9][0-9]{0,4})"))) {
            throw invalid(field, "the enode URL may only carry '?discport=<port>' after host and port");
        }
        return url;
    }

    private static boolean validIpv4(String host) {
        if (!host.matches("[0-9.]+")) {
            return true;
        }
        for (String part : host.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** A Fabric MSP identifier. */
    static String mspId(String field, String mspId) {
        if (mspId == null || !MSP_ID.matcher(mspId).matches()) {
            throw invalid(field, "an MSP id is 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return mspId;
    }

    /** A PEM CA certificate (exactly one, X.509, basic constraints CA=true), returned as given. */
    static String caCertificate(String field, String pem) {
        if (pem == null || !PEM_CERTIFICATE.matcher(pem.strip() + "\n").matches()) {
            throw invalid(field, "a CA certificate is one PEM block '-----BEGIN CERTIFICATE-----'");
        }
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
            throw invalid(field, "the PEM block is not a readable X.509 certificate");
        }
        if (certificate.getBasicConstraints() < 0) {
            throw invalid(field, "the certificate of " + certificate.getSubjectX500Principal().getName()
                    + " is not a CA certificate (basic constraints CA is not set)");
        }
        return pem.strip() + "\n";
    }

    /**
     * A Corda 4 legal name: only C, ST, L, O, OU and CN, each at most once; O, L and C required; C an
     * assigned ISO 3166-1 code; O at least 2 characters. Returned in a canonical order and spacing.
     */
    static String cordaName(String field, String name) {
        X500Name x500;
        try {
            x500 = new X500Name(BCStyle.INSTANCE, name == null ? "" : name);
        } catch (RuntimeException e) {
            throw invalid(field, "not an X.500 name such as 'O=Bank A, L=London, C=GB'");
        }
        Set<ASN1ObjectIdentifier> seen = new HashSet<>();
        for (RDN rdn : x500.getRDNs()) {
            if (rdn.isMultiValued()) {
                throw invalid(field, "multi-valued attributes are not allowed in a Corda name");
            }
            ASN1ObjectIdentifier type = rdn.getFirst().getType();
            String value = IETFUtils.valueToString(rdn.getFirst().getValue());
            Integer max = CORDA_ATTRIBUTES.get(type);
            if (max == null || !seen.add(type)) {
                throw invalid(field, "a Corda name has only C, ST, L, O, OU and CN, each at most once");
            }
            if (value.isBlank() || value.length() > max || !value.equals(value.strip())) {
                throw invalid(field, BCStyle.INSTANCE.oidToDisplayName(type) + " must be 1-" + max
                        + " characters without surrounding spaces");
            }
        }
        if (!seen.containsAll(List.of(BCStyle.O, BCStyle.L, BCStyle.C))) {
            throw invalid(field, "a Corda name needs O (organisation), L (locality) and C (country)");
        }
        Jurisdictions.require(field, value(x500, BCStyle.C));
        if (value(x500, BCStyle.O).length() < 2) {
            throw invalid(field, "O must be at least 2 characters");
        }
        return canonical(x500);
    }

    private static String canonical(X500Name name) {
        StringBuilder out = new StringBuilder();
        for (ASN1ObjectIdentifier type : List.of(BCStyle.CN, BCStyle.OU, BCStyle.O, BCStyle.L, BCStyle.ST, BCStyle.C)) {
            RDN[] rdns = name.getRDNs(type);
            if (rdns.length > 0) {
                out.append(out.isEmpty() ? "" : ", ").append(BCStyle.INSTANCE.oidToDisplayName(type)).append('=')
                        .append(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
            }
        }
        return out.toString();
    }

    private static String value(X500Name name, ASN1ObjectIdentifier type) {
        return IETFUtils.valueToString(name.getRDNs(type)[0].getFirst().getValue());
    }

    private static CairnException invalid(String field, String detail) {
        return CairnException.field(ErrorCode.MEMBER_INVALID_LEDGER_IDENTITY, field, detail);
    }
}
