package io.cairn.audit.spi;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A signature over checkpoint bytes and what is needed to check it offline.
 *
 * @param keyId     stable identifier of the signing key (e.g. the key custody handle of {@code journal-checkpoint})
 * @param algorithm JCA signature algorithm name, e.g. {@code SHA256withECDSA} or {@code Ed25519}
 * @param signature the signature bytes (DER for ECDSA)
 * @param publicKey the public key, X.509 SubjectPublicKeyInfo DER
 */
public record CheckpointSignature(String keyId, String algorithm, byte[] signature, byte[] publicKey) {
    /** Copies the arrays. */
    public CheckpointSignature {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        signature = signature.clone();
        publicKey = publicKey.clone();
    }

    /** A copy of the signature bytes. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** A copy of the public key bytes. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Equal when every field, array contents included, is equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CheckpointSignature that && keyId.equals(that.keyId) && algorithm.equals(that.algorithm)
                && Arrays.equals(signature, that.signature) && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm, Arrays.hashCode(signature), Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return "CheckpointSignature[keyId=" + keyId + ", algorithm=" + algorithm + ", signature="
                + Base64.getEncoder().encodeToString(signature) + "]";
    }
}
