package io.cairn.appliance;

import io.cairn.connector.spi.SignatureScheme;
import io.cairn.connector.spi.SignerKey;
import io.cairn.connector.spi.SigningRequest;
import io.cairn.connector.spi.TransactionSigner;
import io.cairn.custody.spi.Curve;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.signing.KeyPurpose;
import io.cairn.signing.LedgerTransaction;
import io.cairn.signing.ManagedKey;
import io.cairn.signing.RequestState;
import io.cairn.signing.SignBody;
import io.cairn.signing.SignatureRecord;
import io.cairn.signing.SigningService;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

/**
 * Ledger transactions built by the EVM connector, signed through the signing service like any other request:
 * the key's policy applies to the transaction's chain id, destination and value, its nonce is claimed by the
 * nonce guard, the signature is recorded in the journal before it is returned. The idempotency key is the
 * SHA-256 of the signing payload, so a connector retrying the same transaction gets the same signature.
 */
final class LedgerTransactionSigner implements TransactionSigner {
    private static final Principal ANCHORING = Principal.system("anchoring", Set.of(Role.OPERATOR));
    private final SigningService signing;

    LedgerTransactionSigner(SigningService signing) {
        this.signing = signing;
    }

    @Override
    public SignerKey key(String keyAlias) {
        ManagedKey key = signing.keys().require(keyAlias);
        if (key.curve() != Curve.SECP256K1) {
            throw new CairnException(ErrorCode.SIGN_CURVE_NOT_SUPPORTED, "ledger key '" + keyAlias + "' is "
                    + key.curve().label() + "; EVM ledgers need a secp256k1 key");
        }
        return new SignerKey(keyAlias, SignatureScheme.ECDSA_SECP256K1_KECCAK256_RECOVERABLE,
                key.current().publicKey().raw());
    }

    @Override
    public byte[] sign(SigningRequest request) {
        if (request.scheme() != SignatureScheme.ECDSA_SECP256K1_KECCAK256_RECOVERABLE) {
            throw new CairnException(ErrorCode.SIGN_CURVE_NOT_SUPPORTED, "scheme " + request.scheme()
                    + " is not signed through this signer");
        }
        byte[] digest = Hash.sha3(request.payload());
        SignBody body = new SignBody(KeyPurpose.LEDGER_TRANSACTION.label(), HexFormat.of().formatHex(digest),
                Optional.of(facts(request.payload())));
        var answer = signing.sign(request.keyAlias(), ANCHORING, "ledger-tx:" + sha256(request.payload()), body);
        if (answer.state() != RequestState.SIGNED) {
            throw new CairnException(ErrorCode.SIGN_POLICY_DENIED, "ledger key '" + request.keyAlias()
                    + "' needs approvals; keys for background anchoring must sign without dual control");
        }
        return recoverable(answer.signature().orElseThrow(), digest);
    }

    /** Chain id, nonce, destination and value of an unsigned EIP-155 or EIP-1559 signing payload. */
    static LedgerTransaction facts(byte[] payload) {
        RawTransaction tx;
        try {
            tx = TransactionDecoder.decode(Numeric.toHexString(payload));
        } catch (RuntimeException e) {
            throw new CairnException(ErrorCode.SIGN_INVALID_INPUT, "the ledger transaction cannot be decoded");
        }
        long chainId = tx.getTransaction() instanceof Transaction1559 t ? t.getChainId() : legacyChainId(tx);
        Optional<String> to = Optional.ofNullable(tx.getTo()).filter(s -> !s.isEmpty() && !s.equals("0x"));
        return new LedgerTransaction(Long.toString(chainId), Optional.of(tx.getNonce()), to, tx.getValue());
    }

    /** An EIP-155 payload ends with {@code chainId, 0, 0}, which the decoder reads as v, r, s. */
    private static long legacyChainId(RawTransaction tx) {
        if (tx instanceof SignedRawTransaction signed
                && new BigInteger(1, signed.getSignatureData().getR()).signum() == 0
                && new BigInteger(1, signed.getSignatureData().getS()).signum() == 0) {
            return new BigInteger(1, signed.getSignatureData().getV()).longValueExact();
        }
        throw new CairnException(ErrorCode.SIGN_INVALID_INPUT, "a legacy transaction must be signed with EIP-155");
    }

    /** {@code r || s || recoveryId}, the recovery id found by recovering the key's own public key. */
    private static byte[] recoverable(SignatureRecord record, byte[] digest) {
        byte[] rs = HexFormat.of().parseHex(record.signature());
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
        BigInteger publicKey = new BigInteger(1, Arrays.copyOfRange(HexFormat.of().parseHex(record.publicKey()), 1, 65));
        for (int id = 0; id < 2; id++) {
            if (publicKey.equals(Sign.recoverFromSignature(id, new ECDSASignature(r, s), digest))) {
                byte[] out = Arrays.copyOf(rs, 65);
                out[64] = (byte) id;
                return out;
            }
        }
        throw new CairnException(ErrorCode.SIGN_SIGNATURE_FAILED, "the signature does not recover to key '"
                + record.alias() + "'");
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
