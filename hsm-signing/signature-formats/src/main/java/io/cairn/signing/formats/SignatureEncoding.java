package io.cairn.signing.formats;

/** How a {@link DigestSigner} encodes an ECDSA signature. Ed25519 signatures are always their 64 bytes. */
public enum SignatureEncoding {
    /** ASN.1 DER {@code SEQUENCE { INTEGER r, INTEGER s }} (X.509, CMS, JCA {@code SHA256withECDSA}). */
    DER,
    /** {@code r || s}, 32 bytes each (IEEE P1363, JWS, JCA {@code SHA256withECDSAinP1363Format}). */
    RAW
}
