package io.cairn.signing.formats;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;

/**
 * A 20-byte Ethereum account address: the last 20 bytes of Keccak-256 over the 64-byte uncompressed
 * secp256k1 public key (without the {@code 04} prefix).
 *
 * @param bytes the 20 address bytes (copied)
 */
public record EthereumAddress(byte[] bytes) {

    /** Checks the length and copies. */
    public EthereumAddress {
        bytes = Inputs.exactly("address", bytes, 20);
    }

    /** The address of a secp256k1 public key. */
    public static EthereumAddress of(EncodedPublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.curve() != Curve.SECP256K1) {
            throw Inputs.wrongCurve("an Ethereum address", "secp256k1", publicKey.curve().label());
        }
        byte[] raw = publicKey.raw();
        byte[] hash = Hash.sha3(raw, 1, 64);
        return new EthereumAddress(Arrays.copyOfRange(hash, 12, 32));
    }

    /** Parses {@code 0x} followed by 40 hex digits (any case; the EIP-55 checksum is not required). */
    public static EthereumAddress parse(String text) {
        if (text == null || !text.matches("(0x|0X)?[0-9a-fA-F]{40}")) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "address",
                    "an Ethereum address is 0x followed by 40 hex digits");
        }
        return new EthereumAddress(HexFormat.of().parseHex(text.substring(text.length() - 40)));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@code 0x} and 40 lower-case hex digits. */
    public String hex() {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    /** The EIP-55 mixed-case checksummed form. */
    public String checksummed() {
        return Keys.toChecksumAddress(hex());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthereumAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return checksummed();
    }
}
