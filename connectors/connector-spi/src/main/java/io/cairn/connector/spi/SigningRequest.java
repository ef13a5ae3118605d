package io.cairn.connector.spi;

import java.util.Objects;

/**
 * One payload built by a connector, to be signed by key custody.
 *
 * @param keyAlias the key to sign with
 * @param scheme   how to hash and sign, must match the key
 * @param payload  the connector-built signing payload (for EVM: the EIP-155 or typed-transaction preimage)
 * @param purpose  a short human description recorded in the signing audit trail, e.g. {@code anchor app#12}
 */
public record SigningRequest(String keyAlias, SignatureScheme scheme, byte[] payload, String purpose) {

    /** Validates and copies. */
    public SigningRequest {
        Objects.requireNonNull(keyAlias, "keyAlias");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(purpose, "purpose");
        payload = payload.clone();
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningRequest that && keyAlias.equals(that.keyAlias) && scheme == that.scheme
                && java.util.Arrays.equals(payload, that.payload) && purpose.equals(that.purpose);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyAlias, scheme, java.util.Arrays.hashCode(payload), purpose);
    }

    @Override
    public String toString() {
        return "SigningRequest[" + keyAlias + ", " + scheme + ", " + payload.length + " bytes, " + purpose + "]";
    }
}
