package io.cairn.custody.spi;

/**
 * A signature produced by a backend: {@link EcdsaSignature} for ECDSA keys, {@link Ed25519Signature} for
 * Ed25519 keys. Ledger formats (Ethereum v/r/s, Fabric DER, Corda) are derived from these by the signing
 * service.
 */
public sealed interface SignatureValue permits EcdsaSignature, Ed25519Signature {
    /** The curve of the key that signed. */
    Curve curve();

    /** The signature in the encoding most verifiers take: DER for ECDSA, the 64 raw bytes for Ed25519. */
    byte[] encoded();
}
