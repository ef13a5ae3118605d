package io.cairn.signing.formats;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed Ethereum transaction, ready for {@code eth_sendRawTransaction}.
 *
 * @param raw    the signed transaction bytes (copied)
 * @param hash   the transaction hash: Keccak-256 of {@code raw} (copied)
 * @param sender the address of the signing key, which is also what a node recovers from the signature
 * @param v      {@code chainId * 2 + 35 + recoveryId} for legacy transactions, {@code yParity} for typed ones
 * @param r      the signature's r
 * @param s      the signature's s, always low ({@code s <= n/2}, EIP-2)
 */
public record SignedEthereumTransaction(byte[] raw, byte[] hash, EthereumAddress sender, BigInteger v, BigInteger r,
        BigInteger s) {

    /** Copies the arrays. */
    public SignedEthereumTransaction {
        raw = raw.clone();
        hash = Inputs.exactly("hash", hash, 32);
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(s, "s");
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** {@code 0x} and the raw transaction in hex, as {@code eth_sendRawTransaction} takes it. */
    public String rawHex() {
        return "0x" + HexFormat.of().formatHex(raw);
    }

    /** {@code 0x} and the transaction hash in hex. */
    public String hashHex() {
        return "0x" + HexFormat.of().formatHex(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedEthereumTransaction t && Arrays.equals(raw, t.raw) && sender.equals(t.sender);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "SignedEthereumTransaction[hash=" + hashHex() + ", sender=" + sender + "]";
    }
}
