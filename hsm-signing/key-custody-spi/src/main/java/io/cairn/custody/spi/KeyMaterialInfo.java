package io.cairn.custody.spi;

import java.util.Objects;

/**
 * Everything public about one key held by a backend: how to address it, its public key and the
 * backend's attestation. It holds no private key material.
 *
 * @param handle      how to address the key
 * @param spec        the label and curve it was created with
 * @param publicKey   the public key
 * @param attestation what the backend asserts about the key's protection
 */
public record KeyMaterialInfo(KeyHandle handle, KeySpec spec, EncodedPublicKey publicKey, KeyAttestation attestation) {

    /** Checks that the parts agree. */
    public KeyMaterialInfo {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(attestation, "attestation");
        if (publicKey.curve() != spec.curve()) {
            throw new IllegalArgumentException("public key curve differs from the key spec");
        }
    }

    /** The key's curve. */
    public Curve curve() {
        return spec.curve();
    }
}
