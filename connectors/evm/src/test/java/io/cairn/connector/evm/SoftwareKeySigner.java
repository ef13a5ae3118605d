package io.cairn.connector.evm;

import io.cairn.connector.spi.SignatureScheme;
import io.cairn.connector.spi.SignerKey;
import io.cairn.connector.spi.SigningRequest;
import io.cairn.connector.spi.TransactionSigner;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Test-only {@link TransactionSigner} on software secp256k1 keys; production signing comes from
 * key custody through the same interface.
 */
public final class SoftwareKeySigner implements TransactionSigner {

    /** Private key of anvil's first well-known development account (public knowledge, funded at start). */
    public static final String ANVIL_DEV_KEY_0 = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private final Map<String, ECKeyPair> keys = new ConcurrentHashMap<>();
    private final AtomicInteger signatures = new AtomicInteger();

    public SoftwareKeySigner with(String alias, ECKeyPair key) {
        keys.put(alias, key);
        return this;
    }

    public SoftwareKeySigner withHex(String alias, String privateKeyHex) {
        return with(alias, ECKeyPair.create(Numeric.toBigInt(privateKeyHex)));
    }

    public SoftwareKeySigner withFreshKey(String alias) {
        try {
            return with(alias, Keys.createEcKeyPair());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public int signatureCount() {
        return signatures.get();
    }

    @Override
    public SignerKey key(String keyAlias) {
        byte[] xy = Numeric.toBytesPadded(pair(keyAlias).getPublicKey(), 64);
        byte[] point = new byte[65];
        point[0] = 4;
        System.arraycopy(xy, 0, point, 1, 64);
        return new SignerKey(keyAlias, SignatureScheme.ECDSA_SECP256K1_KECCAK256_RECOVERABLE, point);
    }

    @Override
    public byte[] sign(SigningRequest request) {
        Sign.SignatureData sig = Sign.signMessage(request.payload(), pair(request.keyAlias()), true);
        byte[] out = new byte[65];
        System.arraycopy(sig.getR(), 0, out, 0, 32);
        System.arraycopy(sig.getS(), 0, out, 32, 32);
        out[64] = (byte) (sig.getV()[0] - 27);
        signatures.incrementAndGet();
        return out;
    }

    private ECKeyPair pair(String alias) {
        ECKeyPair pair = keys.get(alias);
        if (pair == null) {
            throw new CairnException(ErrorCode.LEDGER_SIGNING_FAILED, "unknown key alias " + alias);
        }
        return pair;
    }
}
