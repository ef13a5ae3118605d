package io.cairn.signing.formats;

/** The 32-byte digests a {@link DigestSigner} signs; the caller computed the digest with this algorithm. */
public enum DigestAlgorithm {
    /** SHA-256 (X.509 certificates, CRLs, journal checkpoints, report seals). */
    SHA_256("SHA256"),
    /** SHA3-256 (FIPS 202). */
    SHA3_256("SHA3-256"),
    /** Keccak-256 as Ethereum uses it (not FIPS SHA3-256). */
    KECCAK_256("KECCAK256");

    private final String jcaPrefix;

    DigestAlgorithm(String jcaPrefix) {
        this.jcaPrefix = jcaPrefix;
    }

    /** The digest's part of a JCA / BouncyCastle signature algorithm name, e.g. {@code SHA256}. */
    public String jcaPrefix() {
        return jcaPrefix;
    }
}
