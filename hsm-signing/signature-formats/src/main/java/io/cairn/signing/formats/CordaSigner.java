package io.cairn.signing.formats;

import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.Ed25519Signature;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Arrays;
import java.util.Objects;

/**
 * Corda 4 transaction signatures with keys held by a {@link KeyCustody}.
 *
 * <p>Corda 4 signs the AMQP serialisation of {@code SignableData(txId, SignatureMetadata(platformVersion,
 * schemeNumberID))} ({@code Crypto.doSign(keyPair, signableData)} signs {@code signableData.serialize().bytes};
 * {@code TransactionSignature.verify} checks the same bytes). The serialisation is Corda's own AMQP format
 * and is produced by the caller with corda-core ({@link #signSignableData}); this class checks that the
 * bytes carry Corda's AMQP header and contain the transaction id, then signs them as the scheme does:
 * Ed25519 over the bytes, or ECDSA over SHA-256 of the bytes (DER). {@link #signTransactionId} signs the
 * 32-byte id itself, for verifiers that check a plain signature over the id. Thread-safe.
 */
public final class CordaSigner {
    /** The Corda AMQP serialisation header: {@code "corda"} followed by bytes 1 and 0. */
    private static final byte[] AMQP_MAGIC = {'c', 'o', 'r', 'd', 'a', 1, 0};
    /** The largest serialised {@code SignableData} accepted. */
    public static final int MAX_SIGNABLE_DATA_BYTES = 64 * 1024;

    private final KeyCustody custody;

    /** A signer over {@code custody}. */
    public CordaSigner(KeyCustody custody) {
        this.custody = Objects.requireNonNull(custody, "custody");
    }

    /** The scheme of a key, for the {@code SignatureMetadata} the caller builds. */
    public CordaSignatureScheme scheme(KeyHandle handle) {
        return CordaSignatureScheme.forCurve(custody.publicKey(handle).curve());
    }

    /** The {@code SignatureMetadata} values for a key at a platform version. */
    public CordaSignatureMetadata metadata(KeyHandle handle, int platformVersion) {
        return new CordaSignatureMetadata(platformVersion, scheme(handle).schemeNumberId());
    }

    /** Signs the 32-byte transaction id itself ({@link CordaSignedContent#TRANSACTION_ID}). */
    public CordaSignature signTransactionId(KeyHandle handle, byte[] transactionId) {
        byte[] id = Inputs.exactly("transactionId", transactionId, 32);
        return sign(handle, id, id, CordaSignedContent.TRANSACTION_ID);
    }

    /**
     * Signs serialised {@code SignableData} ({@link CordaSignedContent#SIGNABLE_DATA}): the bytes must start
     * with Corda's AMQP header and contain {@code transactionId}; that the metadata inside names the key's
     * scheme is the caller's duty (see {@link #metadata}).
     */
    public CordaSignature signSignableData(KeyHandle handle, byte[] transactionId, byte[] serialisedSignableData) {
        byte[] id = Inputs.exactly("transactionId", transactionId, 32);
        byte[] data = Inputs.bytes("signableData", serialisedSignableData, MAX_SIGNABLE_DATA_BYTES);
        if (!startsWith(data, AMQP_MAGIC) || indexOf(data, id) < 0) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "signableData",
                    "not a Corda AMQP serialisation of SignableData for this transaction id");
        }
        return sign(handle, id, data, CordaSignedContent.SIGNABLE_DATA);
    }

    private CordaSignature sign(KeyHandle handle, byte[] id, byte[] clearData, CordaSignedContent content) {
        EncodedPublicKey key = custody.publicKey(handle);
        CordaSignatureScheme scheme = CordaSignatureScheme.forCurve(key.curve());
        SigningInput input = key.curve().isEcdsa() ? SigningInput.digest(Sha256.of(clearData))
                : SigningInput.message(clearData);
        SignatureValue value = custody.sign(handle, input);
        byte[] bytes = switch (value) {
            case EcdsaSignature ecdsa -> ecdsa.toLowS().der();
            case Ed25519Signature ed -> ed.bytes();
        };
        if (value.curve() != key.curve()) {
            throw new CairnException(ErrorCode.SIGN_SIGNATURE_FAILED, "the key custody returned a "
                    + value.curve().label() + " signature for a " + key.curve().label() + " key");
        }
        return new CordaSignature(scheme, content, id, bytes, key.subjectPublicKeyInfo());
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
