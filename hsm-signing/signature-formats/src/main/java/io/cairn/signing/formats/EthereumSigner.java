package io.cairn.signing.formats;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;

/**
 * Ethereum signatures with secp256k1 keys held by a {@link KeyCustody}: EIP-155 and EIP-1559
 * transactions, {@code personal_sign} (EIP-191 version {@code 0x45}) and EIP-712 typed data.
 *
 * <p>This class computes the Keccak-256 digest, has the custody sign it, normalises s to low-S (EIP-2),
 * finds the recovery id against the key's public key and assembles the result. Public keys are cached per
 * handle (they never change for a handle). Thread-safe.
 */
public final class EthereumSigner {
    private final KeyCustody custody;
    private final Map<KeyHandle, SigningKey> keys = new ConcurrentHashMap<>();

    /** A signer over {@code custody}. */
    public EthereumSigner(KeyCustody custody) {
        this.custody = Objects.requireNonNull(custody, "custody");
    }

    /** The Ethereum address of a secp256k1 key. */
    public EthereumAddress address(KeyHandle handle) {
        return key(handle).address();
    }

    /** Signs a transaction: the signed raw bytes, the transaction hash and the sender address. */
    public SignedEthereumTransaction signTransaction(KeyHandle handle, EthereumTransaction transaction) {
        Objects.requireNonNull(transaction, "transaction");
        RecoverableSignature sig = signDigest(handle, Hash.sha3(transaction.signingPayload()));
        byte[] raw = transaction.encodeSigned(sig.recoveryId(), sig.signature());
        return new SignedEthereumTransaction(raw, Hash.sha3(raw), key(handle).address(), transaction.v(sig.recoveryId()),
                sig.signature().r(), sig.signature().s());
    }

    /**
     * {@code personal_sign}: signs Keccak-256 of {@code "\x19Ethereum Signed Message:\n" + length + message}.
     */
    public EthereumSignature personalSign(KeyHandle handle, byte[] message) {
        Objects.requireNonNull(message, "message");
        return messageSignature(handle, Sign.getEthereumMessageHash(message));
    }

    /**
     * EIP-712 ({@code eth_signTypedData_v4}): signs {@code keccak256(0x19 0x01 || domainSeparator ||
     * hashStruct(message))} of the typed data given as JSON ({@code types}, {@code primaryType},
     * {@code domain}, {@code message}).
     */
    public EthereumSignature signTypedData(KeyHandle handle, String typedDataJson) {
        return messageSignature(handle, typedDataHash(typedDataJson));
    }

    /** The EIP-712 digest of typed data given as JSON. */
    public static byte[] typedDataHash(String typedDataJson) {
        Objects.requireNonNull(typedDataJson, "typedDataJson");
        try {
            return new StructuredDataEncoder(typedDataJson).hashStructuredData();
        } catch (IOException | RuntimeException e) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "typedData",
                    "not valid EIP-712 typed data: " + e.getClass().getSimpleName());
        }
    }

    private EthereumSignature messageSignature(KeyHandle handle, byte[] digest) {
        RecoverableSignature sig = signDigest(handle, digest);
        return new EthereumSignature(digest, sig.signature(), 27 + sig.recoveryId());
    }

    private RecoverableSignature signDigest(KeyHandle handle, byte[] digest) {
        SigningKey key = key(handle);
        SignatureValue value = custody.sign(handle, SigningInput.digest(digest));
        if (!(value instanceof EcdsaSignature ecdsa) || ecdsa.curve() != Curve.SECP256K1) {
            throw new CairnException(ErrorCode.SIGN_SIGNATURE_FAILED,
                    "the key custody returned a " + value.curve().label() + " signature for a secp256k1 key");
        }
        return RecoverableSignature.of(ecdsa, digest, key.point());
    }

    private SigningKey key(KeyHandle handle) {
        Objects.requireNonNull(handle, "handle");
        SigningKey key = keys.get(handle);
        if (key == null) {
            EncodedPublicKey publicKey = custody.publicKey(handle);
            key = new SigningKey(RecoverableSignature.point(publicKey), EthereumAddress.of(publicKey));
            keys.put(handle, key);
        }
        return key;
    }

    /** A key's public point and address, cached per handle (a handle's public key never changes). */
    private record SigningKey(ECPoint point, EthereumAddress address) {
    }
}
