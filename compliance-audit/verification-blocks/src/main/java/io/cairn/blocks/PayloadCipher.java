package io.cairn.blocks;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.files.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts stored payloads with AES-256-GCM, or stores them as they are when no key is configured.
 *
 * <p>Each payload gets a fresh random 12-byte nonce; the additional authenticated data is the UTF-8 of
 * {@code app + "/" + messageId}, so a ciphertext moved to another message does not decrypt. The stored content
 * is the ciphertext followed by the 16-byte tag.
 */
public final class PayloadCipher {
    /** Nonce length in bytes. */
    public static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKey> key;

    private PayloadCipher(Optional<SecretKey> key) {
        this.key = key;
    }

    /** Stores payloads in plaintext. */
    public static PayloadCipher plaintext() {
        return new PayloadCipher(Optional.empty());
    }

    /** Encrypts with a raw 32-byte AES key. */
    public static PayloadCipher withKey(byte[] raw) {
        if (raw.length != 32) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE, "the payload encryption key must be 32 bytes");
        }
        return new PayloadCipher(Optional.of(new SecretKeySpec(raw.clone(), "AES")));
    }

    /**
     * Encrypts with the key in a file (base64 of 32 bytes, mode 0600); a missing file is generated with a random
     * key, owner-only from the moment it exists. A key file others can read is refused.
     */
    public static PayloadCipher fromKeyFile(Path file) {
        try {
            if (Files.notExists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                SecretFiles.write(file, Base64.getEncoder().encode(fresh));
            }
            if (!Files.getPosixFilePermissions(file).equals(SecretFiles.OWNER_ONLY)) {
                throw new CairnException(ErrorCode.CONF_INVALID_VALUE,
                        "the payload encryption key file must have mode 0600: " + file);
            }
            return withKey(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException e) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE,
                    "the payload encryption key file cannot be read: " + file, e);
        } catch (IllegalArgumentException e) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE,
                    "the payload encryption key file does not hold base64: " + file);
        }
    }

    /** Whether payloads are encrypted. */
    public boolean encrypts() {
        return key.isPresent();
    }

    /** A stored payload: the content and, when encrypted, its nonce. */
    public record Sealed(Optional<byte[]> nonce, byte[] content) {
    }

    /** Prepares a payload for storage. */
    public Sealed seal(String app, String messageId, byte[] payload) {
        if (key.isEmpty()) {
            return new Sealed(Optional.empty(), payload.clone());
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return new Sealed(Optional.of(nonce), run(Cipher.ENCRYPT_MODE, nonce, app, messageId, payload));
    }

    /**
     * Reads a stored payload.
     *
     * @throws CairnException {@code CAIRN-JOURNAL-0114} when it was encrypted and this key or the row does not fit
     */
    public byte[] open(String app, String messageId, Sealed sealed) {
        if (sealed.nonce().isEmpty()) {
            return sealed.content().clone();
        }
        if (key.isEmpty()) {
            throw new CairnException(ErrorCode.JOURNAL_PAYLOAD_UNREADABLE,
                    "the payload is encrypted but no payload encryption key is configured");
        }
        return run(Cipher.DECRYPT_MODE, sealed.nonce().get(), app, messageId, sealed.content());
    }

    private byte[] run(int mode, byte[] nonce, String app, String messageId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.orElseThrow(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((app + "/" + messageId).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new CairnException(ErrorCode.JOURNAL_PAYLOAD_UNREADABLE,
                    "the stored payload of message " + messageId + " cannot be decrypted with the configured key", e);
        }
    }
}
