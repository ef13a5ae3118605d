package io.cairn.audit.spi;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * A checkpoint signer holding an in-memory P-256 key, for tests only: production checkpoints are signed
 * by key custody's {@code journal-checkpoint} key.
 */
public final class SoftwareCheckpointSigner implements CheckpointSigner {
    private final String keyId;
    private final KeyPair keys;

    private SoftwareCheckpointSigner(String keyId, KeyPair keys) {
        this.keyId = keyId;
        this.keys = keys;
    }

    /** A signer with a fresh P-256 key. */
    public static SoftwareCheckpointSigner generate(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new SoftwareCheckpointSigner(keyId, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is available in every JDK", e);
        }
    }

    @Override
    public CheckpointSignature sign(byte[] checkpointBody) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(checkpointBody);
            return new CheckpointSignature(keyId, "SHA256withECDSA", signature.sign(), keys.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with an in-memory key failed", e);
        }
    }
}
