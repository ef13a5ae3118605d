package io.cairn.signing.formats.corda;

import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.signing.formats.CordaSignature;
import io.cairn.signing.formats.CordaSignatureMetadata;
import io.cairn.signing.formats.CordaSigner;
import java.security.PublicKey;
import java.util.Objects;
import net.corda.core.crypto.Crypto;
import net.corda.core.crypto.SecureHash;
import net.corda.core.crypto.SignableData;
import net.corda.core.crypto.SignatureMetadata;
import net.corda.core.crypto.TransactionSignature;
import net.corda.core.serialization.SerializationFactory;

/**
 * Signs Corda 4 transactions with custody keys exactly as a Corda node signs them: over the serialised
 * {@code SignableData(txId, SignatureMetadata(platformVersion, schemeNumberID))}.
 *
 * <p>The Corda serialisation environment must be set in this process (the Corda RPC client sets it when it
 * is created). Thread-safe.
 */
public final class CordaTransactionSigner {
    private final CordaSigner signer;

    /** A signer over {@code custody}. */
    public CordaTransactionSigner(KeyCustody custody) {
        this.signer = new CordaSigner(Objects.requireNonNull(custody, "custody"));
    }

    /** Signs the transaction {@code txId} at {@code platformVersion}; the result verifies with {@code verify(txId)}. */
    public TransactionSignature sign(KeyHandle handle, SecureHash txId, int platformVersion) {
        Objects.requireNonNull(txId, "txId");
        if (!(txId instanceof SecureHash.SHA256)) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "transactionId",
                    "only SHA-256 transaction ids are supported");
        }
        CordaSignatureMetadata meta = signer.metadata(handle, platformVersion);
        SignatureMetadata metadata = new SignatureMetadata(meta.platformVersion(), meta.schemeNumberId());
        byte[] serialised = serialise(new SignableData(txId, metadata));
        CordaSignature signature = signer.signSignableData(handle, txId.getBytes(), serialised);
        return new TransactionSignature(signature.bytes(), publicKey(signature.signerPublicKey()), metadata);
    }

    /** The Corda AMQP serialisation of {@code data}, as {@code data.serialize().bytes} gives it in Kotlin. */
    static byte[] serialise(SignableData data) {
        SerializationFactory factory = SerializationFactory.Companion.getDefaultFactory();
        return factory.serialize(data, factory.getDefaultContext()).getBytes();
    }

    private static PublicKey publicKey(byte[] subjectPublicKeyInfo) {
        return Crypto.decodePublicKey(subjectPublicKeyInfo);
    }
}
