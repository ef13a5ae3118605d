package io.cairn.connector.evm;

import io.cairn.connector.spi.SignatureScheme;
import io.cairn.connector.spi.SignerKey;
import io.cairn.connector.spi.SigningRequest;
import io.cairn.connector.spi.TransactionSigner;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Builds EVM transactions, has them signed through the {@link TransactionSigner} seam, and checks the
 * returned signature recovers to the sending key before anything is sent.
 */
public final class EvmTransactionFactory {

    private static final BigInteger CURVE_ORDER = Sign.CURVE_PARAMS.getN();
    private static final BigInteger HALF_CURVE_ORDER = CURVE_ORDER.shiftRight(1);

    private final TransactionSigner signer;
    private final String keyAlias;
    private final long chainId;
    private final BigInteger publicKey;
    private final String address;

    /** A factory signing with {@code keyAlias} for chain {@code chainId}. */
    public EvmTransactionFactory(TransactionSigner signer, String keyAlias, long chainId) {
        this.signer = signer;
        this.keyAlias = keyAlias;
        this.chainId = chainId;
        SignerKey key = signer.key(keyAlias);
        if (key.scheme() != SignatureScheme.ECDSA_SECP256K1_KECCAK256_RECOVERABLE) {
            throw new CairnException(ErrorCode.LEDGER_INVALID_CONFIGURATION,
                    "key " + keyAlias + " signs with " + key.scheme() + ", EVM ledgers need secp256k1");
        }
        this.publicKey = publicKeyOf(key.publicKey());
        this.address = Keys.toChecksumAddress(Keys.getAddress(publicKey));
    }

    /** The sending account, EIP-55 checksummed. */
    public String address() {
        return address;
    }

    /** The chain id signed into every transaction. */
    public long chainId() {
        return chainId;
    }

    /** A signed transaction calling {@code to} with {@code data}. */
    public SignedTransaction call(TransactionType type, long nonce, Fees fees, BigInteger gasLimit, String to,
                                  String data, String purpose) {
        return sign(unsigned(type, nonce, fees, gasLimit, to, data), purpose);
    }

    /** A signed contract-creation transaction. */
    public SignedTransaction create(TransactionType type, long nonce, Fees fees, BigInteger gasLimit,
                                    String initCode, String purpose) {
        return sign(unsigned(type, nonce, fees, gasLimit, "", initCode), purpose);
    }

    private RawTransaction unsigned(TransactionType type, long nonce, Fees fees, BigInteger gasLimit, String to,
                                    String data) {
        BigInteger n = BigInteger.valueOf(nonce);
        return switch (type) {
            case LEGACY -> RawTransaction.createTransaction(n, fees.maxFeePerGas(), gasLimit, to, BigInteger.ZERO,
                    data);
            case EIP1559 -> RawTransaction.createTransaction(chainId, n, gasLimit, to, BigInteger.ZERO, data,
                    fees.priorityFeePerGas(), fees.maxFeePerGas());
        };
    }

    private SignedTransaction sign(RawTransaction tx, String purpose) {
        boolean legacy = tx.getType().isLegacy();
        byte[] payload = legacy ? TransactionEncoder.encode(tx, chainId) : TransactionEncoder.encode(tx);
        byte[] signature = signer.sign(new SigningRequest(keyAlias,
                SignatureScheme.ECDSA_SECP256K1_KECCAK256_RECOVERABLE, payload, purpose));
        Sign.SignatureData data = checked(signature, Hash.sha3(payload));
        if (legacy) {
            data = TransactionEncoder.createEip155SignatureData(data, chainId);
        }
        byte[] signed = TransactionEncoder.encode(tx, data);
        return new SignedTransaction(Numeric.toHexString(signed), Numeric.toHexString(Hash.sha3(signed)),
                tx.getNonce().longValueExact());
    }

    /** Parses {@code r || s || recId}, normalises to low-s, and checks it recovers to the sending key. */
    private Sign.SignatureData checked(byte[] signature, byte[] digest) {
        if (signature.length != 65 || (signature[64] != 0 && signature[64] != 1)) {
            throw new CairnException(ErrorCode.LEDGER_SIGNING_FAILED, "signature is not r || s || recoveryId");
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        int recId = signature[64];
        if (s.compareTo(HALF_CURVE_ORDER) > 0) {
            s = CURVE_ORDER.subtract(s);
            recId ^= 1;
        }
        BigInteger recovered = Sign.recoverFromSignature(recId, new ECDSASignature(r, s), digest);
        if (!publicKey.equals(recovered)) {
            throw new CairnException(ErrorCode.LEDGER_SIGNING_FAILED,
                    "signature from key " + keyAlias + " does not recover to " + address);
        }
        return new Sign.SignatureData((byte) (27 + recId), Numeric.toBytesPadded(r, 32), Numeric.toBytesPadded(s, 32));
    }

    private static BigInteger publicKeyOf(byte[] uncompressed) {
        if (uncompressed.length != 65 || uncompressed[0] != 4) {
            throw new CairnException(ErrorCode.LEDGER_INVALID_CONFIGURATION,
                    "secp256k1 public key must be an uncompressed point (65 bytes, 0x04 prefix)");
        }
        return new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 65));
    }

    /**
     * Prices of one transaction, wei.
     *
     * @param maxFeePerGas      gas price (legacy) or max fee per gas (EIP-1559)
     * @param priorityFeePerGas max priority fee per gas (EIP-1559)
     */
    public record Fees(BigInteger maxFeePerGas, BigInteger priorityFeePerGas) {
    }

    /**
     * A signed transaction ready for {@code eth_sendRawTransaction}.
     *
     * @param rawHex the signed encoding, 0x-prefixed hex
     * @param hash   its transaction hash
     * @param nonce  its nonce
     */
    public record SignedTransaction(String rawHex, String hash, long nonce) {
    }
}
