package io.cairn.audit.spi;

/**
 * Signs journal checkpoints. Key custody ({@code hsm-signing}) implements it with its
 * {@code journal-checkpoint} key; the private key never leaves custody.
 */
@FunctionalInterface
public interface CheckpointSigner {
    /**
     * Signs the exact bytes of a checkpoint body.
     *
     * @param checkpointBody the UTF-8 checkpoint text that is signed
     * @return the signature with the key id, algorithm and public key
     * @throws io.cairn.kernel.CairnException a {@code CAIRN-SIGN-*} error when custody cannot sign
     */
    CheckpointSignature sign(byte[] checkpointBody);
}
