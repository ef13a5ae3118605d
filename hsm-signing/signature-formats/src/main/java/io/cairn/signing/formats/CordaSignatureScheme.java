package io.cairn.signing.formats;

import io.cairn.custody.spi.Curve;

/**
 * The Corda 4 signature schemes ({@code net.corda.core.crypto.Crypto}) that Cairn keys can produce, with
 * Corda's scheme number ids, which a {@code SignatureMetadata} carries.
 */
public enum CordaSignatureScheme {
    /** ECDSA on secp256k1 with SHA-256; DER signatures. Corda scheme number 2. */
    ECDSA_SECP256K1_SHA256(2, Curve.SECP256K1),
    /** ECDSA on secp256r1 (NIST P-256) with SHA-256; DER signatures. Corda scheme number 3. */
    ECDSA_SECP256R1_SHA256(3, Curve.P256),
    /** EdDSA on ed25519 (SHA-512 inside EdDSA); 64-byte signatures. Corda scheme number 4, Corda's default. */
    EDDSA_ED25519_SHA512(4, Curve.ED25519);

    private final int schemeNumberId;
    private final Curve curve;

    CordaSignatureScheme(int schemeNumberId, Curve curve) {
        this.schemeNumberId = schemeNumberId;
        this.curve = curve;
    }

    /** Corda's {@code SignatureScheme.schemeNumberID}. */
    public int schemeNumberId() {
        return schemeNumberId;
    }

    /** The curve of the keys of this scheme. */
    public Curve curve() {
        return curve;
    }

    /** The name of the matching JCA signature algorithm ({@code SHA256withECDSA} or {@code Ed25519}). */
    public String jcaAlgorithm() {
        return curve.isEcdsa() ? "SHA256withECDSA" : "Ed25519";
    }

    /** The scheme of keys on {@code curve}. */
    public static CordaSignatureScheme forCurve(Curve curve) {
        for (CordaSignatureScheme s : values()) {
            if (s.curve == curve) {
                return s;
            }
        }
        throw Inputs.wrongCurve("Corda signing", "secp256k1, p-256 or ed25519", curve.label());
    }
}
