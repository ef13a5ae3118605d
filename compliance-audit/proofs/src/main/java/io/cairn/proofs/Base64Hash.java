package io.cairn.proofs;

import io.cairn.merkle.Hash;
import java.util.Base64;
import java.util.Optional;

/** Strict decoding of the base64 hashes in proof files: canonical padded standard base64 of 32 bytes. */
final class Base64Hash {
    private static final int ENCODED_LENGTH = 44;

    private Base64Hash() {
    }

    /** The hash, when {@code text} is exactly the canonical base64 encoding of 32 bytes. */
    static Optional<Hash> decode(String text) {
        if (text.length() != ENCODED_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != Hash.LENGTH || !Base64.getEncoder().encodeToString(bytes).equals(text)) {
            return Optional.empty();
        }
        return Optional.of(Hash.of(bytes));
    }

    /** Why {@code text} was rejected by {@link #decode(String)}, in words. */
    static String whyNot(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return "it is not base64 (standard alphabet, with = padding)";
        }
        if (bytes.length != Hash.LENGTH) {
            return "it decodes to " + bytes.length + " bytes, a SHA-256 hash has 32";
        }
        return "it is not the canonical base64 form (44 characters ending in =)";
    }
}
