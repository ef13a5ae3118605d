package io.cairn.connector.spi;

import java.util.Objects;

/**
 * The public half of a signing key a connector may use; the private half never leaves its custody.
 *
 * @param alias     the key's alias in key custody
 * @param scheme    the scheme the key signs with
 * @param publicKey the public key in the scheme's raw form: an uncompressed SEC1 point
 *                  ({@code 0x04 || x || y}) for ECDSA, 32 bytes for Ed25519
 */
public record SignerKey(String alias, SignatureScheme scheme, byte[] publicKey) {

    /** Validates and copies. */
    public SignerKey {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(scheme, "scheme");
        publicKey = publicKey.clone();
    }

    /** A copy of the public key. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignerKey that && alias.equals(that.alias) && scheme == that.scheme
                && java.util.Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alias, scheme, java.util.Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return "SignerKey[" + alias + ", " + scheme + "]";
    }
}
