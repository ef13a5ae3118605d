package io.cairn.connector.benchmarks;

import io.cairn.connector.spi.SignatureScheme;
import io.cairn.connector.spi.SignerKey;
import io.cairn.connector.spi.SigningRequest;
import io.cairn.connector.spi.TransactionSigner;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A software secp256k1 signer for the load harness only (a development node's well-known account); the
 * appliance signs through key custody.
 */
final class DevelopmentKeySigner implements TransactionSigner {

    private final ECKeyPair key;

    DevelopmentKeySigner(String privateKeyHex) {
        this.key = ECKeyPair.create(Numeric.toBigInt(privateKeyHex));
    }

    @Override
    public SignerKey key(String keyAlias) {
        byte[] xy = Numeric.toBytesPadded(key.getPublicKey(), 64);
        byte[] point = new byte[65];
        point[0] = 4;
        System.arraycopy(xy, 0, point, 1, 64);
        return new SignerKey(keyAlias, SignatureScheme.ECDSA_SECP256K1_KECCAK256_RECOVERABLE, point);
    }

    @Override
    public byte[] sign(SigningRequest request) {
        Sign.SignatureData sig = Sign.signMessage(request.payload(), key, true);
        byte[] out = new byte[65];
        System.arraycopy(sig.getR(), 0, out, 0, 32);
        System.arraycopy(sig.getS(), 0, out, 32, 32);
        out[64] = (byte) (sig.getV()[0] - 27);
        return out;
    }
}
