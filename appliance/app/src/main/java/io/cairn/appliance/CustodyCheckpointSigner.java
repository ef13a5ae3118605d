package io.cairn.appliance;

import io.cairn.audit.spi.CheckpointSignature;
import io.cairn.audit.spi.CheckpointSigner;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/**
 * Signs journal checkpoints with the appliance's {@code journal-checkpoint} key (ECDSA P-256 over SHA-256 of
 * the checkpoint text, DER-encoded), through key custody: the private key never leaves it. The key is looked
 * up (and generated the first time) when the first checkpoint is signed, so an HSM that is down at start-up
 * only delays checkpoints.
 */
final class CustodyCheckpointSigner implements CheckpointSigner {
    private final KeyCustody custody;
    private final Supplier<KeyHandle> keyLookup;
    private volatile KeyHandle key;

    CustodyCheckpointSigner(KeyCustody custody, Supplier<KeyHandle> keyLookup) {
        this.custody = custody;
        this.keyLookup = keyLookup;
    }

    private KeyHandle key() {
        KeyHandle current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = keyLookup.get();
                }
                current = key;
            }
        }
        return current;
    }

    @Override
    public CheckpointSignature sign(byte[] checkpointBody) {
        KeyHandle key = key();
        SignatureValue value = custody.sign(key, SigningInput.digest(sha256(checkpointBody)));
        if (!(value instanceof EcdsaSignature ecdsa)) {
            throw new CairnException(ErrorCode.SIGN_SIGNATURE_FAILED, "the journal-checkpoint key is not an ECDSA key");
        }
        return new CheckpointSignature(key.toString(), "SHA256withECDSA", ecdsa.der(),
                custody.publicKey(key).subjectPublicKeyInfo());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
