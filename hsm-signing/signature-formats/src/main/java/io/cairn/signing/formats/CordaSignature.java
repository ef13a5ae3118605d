package io.cairn.signing.formats;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signature over a Corda transaction, in Corda's scheme terms: the parts of a Corda 4
 * {@code TransactionSignature(bytes, by, signatureMetadata)} apart from the metadata the caller chose.
 *
 * @param scheme          the Corda signature scheme of the key
 * @param content         what was signed: the transaction id itself or serialised {@code SignableData}
 * @param transactionId   the 32-byte transaction id ({@code SecureHash.SHA256}) (copied)
 * @param bytes           the signature: DER for ECDSA schemes, 64 bytes for Ed25519 (copied)
 * @param signerPublicKey the signer's X.509 SubjectPublicKeyInfo, as Corda's {@code PublicKey.encoded} (copied)
 */
public record CordaSignature(CordaSignatureScheme scheme, CordaSignedContent content, byte[] transactionId,
        byte[] bytes, byte[] signerPublicKey) {

    /** Checks and copies. */
    public CordaSignature {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(content, "content");
        transactionId = Inputs.exactly("transactionId", transactionId, 32);
        bytes = bytes.clone();
        signerPublicKey = signerPublicKey.clone();
    }

    @Override
    public byte[] transactionId() {
        return transactionId.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public byte[] signerPublicKey() {
        return signerPublicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CordaSignature c && scheme == c.scheme && content == c.content
                && Arrays.equals(transactionId, c.transactionId) && Arrays.equals(bytes, c.bytes)
                && Arrays.equals(signerPublicKey, c.signerPublicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "CordaSignature[" + scheme + ", " + content + ", tx=" + HexFormat.of().formatHex(transactionId)
                .toUpperCase(java.util.Locale.ROOT) + "]";
    }
}
