package io.cairn.evidence;

import java.util.Base64;

/** How checkpoint public keys appear in bundles: SHA-256 fingerprints of the DER and PEM text. */
final class PublicKeys {
    private static final Base64.Encoder PEM_BODY = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private PublicKeys() {
    }

    /** The SHA-256 of the X.509 SubjectPublicKeyInfo DER, lower-case hex. */
    static String fingerprint(byte[] subjectPublicKeyInfo) {
        return Digests.sha256Hex(subjectPublicKeyInfo);
    }

    /** The PEM text of a public key: {@code -----BEGIN PUBLIC KEY-----}, base64 in lines of 64, the end line. */
    static String pem(byte[] subjectPublicKeyInfo) {
        return "-----BEGIN PUBLIC KEY-----\n" + PEM_BODY.encodeToString(subjectPublicKeyInfo)
                + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * The DER of a public key file: PEM ({@code BEGIN PUBLIC KEY}) or raw DER.
     *
     * @param content the file's bytes
     * @return the SubjectPublicKeyInfo DER
     * @throws IllegalArgumentException when a PEM file holds no public key block
     */
    static byte[] derOf(byte[] content) {
        String text = new String(content, java.nio.charset.StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PUBLIC KEY-----");
        if (begin < 0) {
            if (text.contains("-----BEGIN")) {
                throw new IllegalArgumentException("the PEM file holds no 'BEGIN PUBLIC KEY' block");
            }
            return content.clone();
        }
        int end = text.indexOf("-----END PUBLIC KEY-----", begin);
        if (end < 0) {
            throw new IllegalArgumentException("the PEM public key block has no END line");
        }
        String body = text.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end);
        return Base64.getMimeDecoder().decode(body);
    }
}
