package io.cairn.custody.software;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One software key as stored: public parts in clear, the private key sealed with AES-256-GCM.
 *
 * @param id          key id (the handle id)
 * @param label       human label
 * @param publicKey   the public key
 * @param sealed      the sealed private key; empty once destroyed
 * @param imported    whether the key was imported rather than generated here
 * @param createdAt   when it was created
 * @param destroyedAt when it was destroyed, if it was
 */
public record SealedKey(
        String id,
        String label,
        EncodedPublicKey publicKey,
        Optional<byte[]> sealed,
        boolean imported,
        Instant createdAt,
        Optional<Instant> destroyedAt) {

    /** Checks the parts. */
    public SealedKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
        sealed = sealed.map(byte[]::clone);
        Objects.requireNonNull(destroyedAt, "destroyedAt");
        if (sealed.isPresent() == destroyedAt.isPresent()) {
            throw new IllegalArgumentException("a stored key has its sealed private key until it is destroyed");
        }
    }

    /** The sealed private key (a copy), empty once destroyed. */
    @Override
    public Optional<byte[]> sealed() {
        return sealed.map(byte[]::clone);
    }

    /** The key's curve. */
    public Curve curve() {
        return publicKey.curve();
    }

    /** Whether the key was destroyed. */
    public boolean destroyed() {
        return destroyedAt.isPresent();
    }
}
