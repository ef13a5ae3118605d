package io.cairn.ca;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

/**
 * The CA's signing key, seen through a three-method seam so this module does not depend on where the key is
 * held (the signing service's {@code certificate-authority} key on an HSM, or a software key).
 */
public interface CaKey {
    /** ECDSA P-256 over SHA-256 of the signed bytes. */
    String SHA256_WITH_ECDSA = "SHA256withECDSA";
    /** Pure Ed25519 over the signed bytes themselves (RFC 8410). */
    String ED25519 = "Ed25519";

    /** {@link #SHA256_WITH_ECDSA} or {@link #ED25519}. */
    String algorithm();

    /** The public key certified in the CA certificate. */
    PublicKey publicKey();

    /**
     * Signs a certificate's or CRL's to-be-signed bytes.
     *
     * @param tbsBytes the DER bytes to sign (hash them with SHA-256 first for ECDSA; Ed25519 signs them as they are)
     * @return the signature as X.509 carries it: DER {@code SEQUENCE { r, s }} for ECDSA, the 64 raw bytes for Ed25519
     */
    byte[] sign(byte[] tbsBytes);

    /**
     * Reads a public key from its DER SubjectPublicKeyInfo (as key custody hands it out).
     *
     * @param subjectPublicKeyInfo the DER bytes
     * @return the key
     */
    static PublicKey publicKey(byte[] subjectPublicKeyInfo) {
        for (String type : new String[] {"EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
            } catch (GeneralSecurityException e) {
                // try the next type
            }
        }
        throw new IllegalArgumentException("not an EC or Ed25519 SubjectPublicKeyInfo");
    }
}
