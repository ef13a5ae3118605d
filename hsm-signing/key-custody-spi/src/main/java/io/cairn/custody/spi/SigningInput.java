package io.cairn.custody.spi;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a key signs: a 32-byte digest for ECDSA keys, the message itself for Ed25519 keys.
 *
 * <p>The caller hashes (SHA-256 for Fabric and certificates, Keccak-256 for Ethereum); the backend signs
 * exactly these bytes. A backend refuses an input of the wrong kind for the key's curve with
 * {@link ErrorCode#SIGN_INVALID_INPUT}.
 */
public sealed interface SigningInput permits SigningInput.Digest, SigningInput.Message {
    /** The largest message an Ed25519 key signs in one call. */
    int MAX_MESSAGE_BYTES = 1 << 20;

    /** The bytes handed to the backend (a copy). */
    byte[] bytes();

    /** A 32-byte digest for ECDSA. */
    static SigningInput digest(byte[] digest) {
        return new Digest(digest);
    }

    /** A message for Ed25519. */
    static SigningInput message(byte[] message) {
        return new Message(message);
    }

    /**
     * A 32-byte message digest, signed with ECDSA.
     *
     * @param value the digest (copied)
     */
    record Digest(byte[] value) implements SigningInput {
        /** Checks the length and copies. */
        public Digest {
            Objects.requireNonNull(value, "value");
            if (value.length != 32) {
                throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "digest",
                        "an ECDSA digest is exactly 32 bytes, got " + value.length);
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public byte[] bytes() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Digest d && Arrays.equals(value, d.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Digest[" + HexFormat.of().formatHex(value) + "]";
        }
    }

    /**
     * A message signed as a whole with Ed25519. It is never empty: some PKCS#11 tokens refuse empty input,
     * so the contract refuses it everywhere.
     *
     * @param value the message (copied), 1 to {@link #MAX_MESSAGE_BYTES} bytes
     */
    record Message(byte[] value) implements SigningInput {
        /** Checks the size and copies. */
        public Message {
            Objects.requireNonNull(value, "value");
            if (value.length == 0 || value.length > MAX_MESSAGE_BYTES) {
                throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "message",
                        "a message to sign is 1 to " + MAX_MESSAGE_BYTES + " bytes");
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public byte[] bytes() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Message m && Arrays.equals(value, m.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Message[" + value.length + " bytes]";
        }
    }
}
