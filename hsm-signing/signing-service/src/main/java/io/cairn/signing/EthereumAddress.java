package io.cairn.signing;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Ethereum addresses of secp256k1 public keys: the last 20 bytes of Keccak-256 of {@code X || Y}, EIP-55 cased. */
public final class EthereumAddress {
    private EthereumAddress() {
    }

    /** The address of a secp256k1 key, empty for other curves. */
    public static Optional<String> of(EncodedPublicKey key) {
        if (key.curve() != Curve.SECP256K1) {
            return Optional.empty();
        }
        byte[] raw = key.raw();
        byte[] hash = keccak256(Arrays.copyOfRange(raw, 1, raw.length));
        return Optional.of(checksummed(HexFormat.of().formatHex(hash, 12, 32)));
    }

    /** Keccak-256 (the original, not SHA3-256). */
    static byte[] keccak256(byte[] input) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    private static String checksummed(String lowerHex) {
        String hash = HexFormat.of().formatHex(keccak256(lowerHex.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < lowerHex.length(); i++) {
            char c = lowerHex.charAt(i);
            out.append(Character.digit(hash.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
