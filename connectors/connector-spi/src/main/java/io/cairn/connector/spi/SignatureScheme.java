package io.cairn.connector.spi;

/**
 * How a {@link TransactionSigner} turns a signing payload into a signature. The signer hashes the
 * payload itself; the connector never hands over a bare digest it could not explain.
 */
public enum SignatureScheme {
    /**
     * Ethereum: ECDSA over secp256k1 of {@code keccak256(payload)}. The signature is 65 bytes
     * {@code r || s || recoveryId} with {@code s} in the lower half of the curve order and
     * {@code recoveryId} 0 or 1.
     */
    ECDSA_SECP256K1_KECCAK256_RECOVERABLE,
    /** Fabric: ECDSA over P-256 of {@code sha256(payload)}, DER-encoded, low-s. */
    ECDSA_P256_SHA256_DER,
    /** Ed25519 over the payload itself, 64 bytes. */
    ED25519
}
