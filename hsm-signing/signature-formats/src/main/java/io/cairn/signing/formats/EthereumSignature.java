package io.cairn.signing.formats;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A recoverable secp256k1 signature in the form wallets return for {@code personal_sign} and
 * {@code eth_signTypedData_v4}: {@code r || s || v} with {@code v = 27 + recoveryId}.
 *
 * @param digest    the 32-byte digest that was signed (EIP-191 or EIP-712 hash)
 * @param signature r and s, low-S
 * @param v         27 or 28
 */
public record EthereumSignature(byte[] digest, EcdsaSignature signature, int v) {

    /** Checks the parts. */
    public EthereumSignature {
        digest = Inputs.exactly("digest", digest, 32);
        Objects.requireNonNull(signature, "signature");
        if (signature.curve() != Curve.SECP256K1 || (v != 27 && v != 28)) {
            throw new IllegalArgumentException("an Ethereum signature is secp256k1 with v 27 or 28");
        }
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    /** The 65 bytes {@code r || s || v}. */
    public byte[] bytes() {
        byte[] out = new byte[65];
        System.arraycopy(signature.concatenated(), 0, out, 0, 64);
        out[64] = (byte) v;
        return out;
    }

    /** {@code 0x} and the 65 bytes in hex, as wallets print it. */
    public String hex() {
        return "0x" + HexFormat.of().formatHex(bytes());
    }

    /** The recovery id, {@code v - 27}. */
    public int recoveryId() {
        return v - 27;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthereumSignature e && java.util.Arrays.equals(digest, e.digest)
                && signature.equals(e.signature) && v == e.v;
    }

    @Override
    public int hashCode() {
        return signature.hashCode() * 31 + v;
    }

    @Override
    public String toString() {
        return "EthereumSignature[" + hex() + "]";
    }
}
