package io.cairn.blocks;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** A sender's secp256k1 key signing payloads as a source would: EIP-191 over SHA-256(payload). */
final class TestSigner {
    private final ECKeyPair keys;

    private TestSigner(ECKeyPair keys) {
        this.keys = keys;
    }

    static TestSigner generate() {
        try {
            return new TestSigner(Keys.createEcKeyPair());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String address() {
        return "0x" + Keys.getAddress(keys.getPublicKey()).toLowerCase(Locale.ROOT);
    }

    String sign(byte[] payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload);
            Sign.SignatureData data = Sign.signPrefixedMessage(digest, keys);
            return "0x" + HexFormat.of().formatHex(data.getR()) + HexFormat.of().formatHex(data.getS())
                    + HexFormat.of().formatHex(data.getV());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
