package io.cairn.blocks;

import io.cairn.merkle.TreeHasher;
import java.security.MessageDigest;

/** SHA-256 of byte strings, concatenated. */
final class Sha256 {
    private Sha256() {
    }

    /** SHA-256 of the concatenation of the parts. */
    static byte[] of(byte[]... parts) {
        MessageDigest digest = TreeHasher.newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
