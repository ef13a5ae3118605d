package io.cairn.signing;

import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.KeyAttestation;
import io.cairn.custody.spi.KeyHandle;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a managed key: the custody handle, its public key and the backend's attestation.
 *
 * @param version     1, 2, ... (rotation adds one)
 * @param handle      opaque custody handle
 * @param publicKey   the public key
 * @param attestation what the backend attested when the version was created
 * @param createdAt   when it was created
 */
public record KeyVersion(int version, KeyHandle handle, EncodedPublicKey publicKey, KeyAttestation attestation,
                         Instant createdAt) {
    /** Validates. */
    public KeyVersion {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(attestation, "attestation");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
