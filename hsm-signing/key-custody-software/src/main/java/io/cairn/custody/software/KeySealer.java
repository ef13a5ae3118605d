package io.cairn.custody.software;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals private keys with AES-256-GCM: {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}. The key
 * id and curve are bound as associated data, so a sealed key copied onto another record does not open.
 */
final class KeySealer {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "cairn-software-key:v1:";

    private final MasterKey masterKey;
    private final SecureRandom random = new SecureRandom();

    KeySealer(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    byte[] seal(String id, String curve, byte[] privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(id, curve));
            byte[] sealed = cipher.doFinal(privateKey);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "AES-GCM is not available", e);
        }
    }

    byte[] open(String id, String curve, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey.secretKey(),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(id, curve));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CairnException(ErrorCode.SIGN_SEALED_KEY_UNREADABLE,
                    "software key " + id + " cannot be unsealed: wrong master key or altered record", e);
        }
    }

    private static byte[] associatedData(String id, String curve) {
        return (VERSION + id + ":" + curve).getBytes(StandardCharsets.UTF_8);
    }
}
