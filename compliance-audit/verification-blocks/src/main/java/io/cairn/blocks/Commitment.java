package io.cairn.blocks;

import io.cairn.merkle.Hash;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The digest of a message that is journaled and sealed: {@code SHA-256(payload)}, or for applications with
 * personal data the salted commitment {@code SHA-256(salt || payload)} with a fresh 32-byte random salt that is
 * kept only with the payload (erasing both leaves a digest nobody can link to the content).
 *
 * @param digest the commitment
 * @param salt   the salt, for salted commitments
 */
public record Commitment(Hash digest, Optional<byte[]> salt) {
    /** Length of a salt in bytes. */
    public static final int SALT_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The commitment to a payload, salted or not. */
    public static Commitment of(byte[] payload, boolean salted) {
        if (!salted) {
            return new Commitment(Hash.of(Sha256.of(payload)), Optional.empty());
        }
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return new Commitment(Hash.of(Sha256.of(salt, payload)), Optional.of(salt));
    }

    /** Whether this commitment binds the payload. */
    public boolean matches(byte[] payload) {
        byte[] hashed = salt.map(s -> Sha256.of(s, payload)).orElseGet(() -> Sha256.of(payload));
        return Hash.of(hashed).equals(digest);
    }
}
