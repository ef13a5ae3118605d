package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.spi.HashPointer;
import io.cairn.connector.spi.SignatureScheme;
import io.cairn.connector.spi.SignerKey;
import io.cairn.connector.spi.SigningRequest;
import io.cairn.connector.spi.TransactionSigner;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.utils.Numeric;

/** Transaction building and the signing seam, decoded back with an independent decoder. */
class EvmTransactionFactoryTest {

    private static final String CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static final EvmTransactionFactory.Fees FEES = new EvmTransactionFactory.Fees(
            BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(1_000_000_000L));

    private final SoftwareKeySigner signer = new SoftwareKeySigner().withHex("k", SoftwareKeySigner.ANVIL_DEV_KEY_0);

    @Test
    void addressIsDerivedFromThePublicKeyOnly() {
        EvmTransactionFactory factory = new EvmTransactionFactory(signer, "k", 1337);
        assertThat(factory.address()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    }

    @Test
    void legacyTransactionIsEip155ProtectedAndRecoversToTheSender() throws SignatureException {
        EvmTransactionFactory factory = new EvmTransactionFactory(signer, "k", 1337);

        EvmTransactionFactory.SignedTransaction tx = factory.call(TransactionType.LEGACY, 7, FEES,
                BigInteger.valueOf(90_000), CONTRACT, AnchorContractAbi.anchorCall(pointer()), "test");

        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(tx.rawHex());
        assertThat(decoded.getType().isLegacy()).isTrue();
        assertThat(decoded.getChainId()).isEqualTo(1337L);
        assertThat(decoded.getFrom()).isEqualToIgnoringCase(factory.address());
        assertThat(decoded.getNonce()).isEqualTo(BigInteger.valueOf(7));
        assertThat(decoded.getGasPrice()).isEqualTo(FEES.maxFeePerGas());
        assertThat(decoded.getTo()).isEqualToIgnoringCase(CONTRACT);
        assertThat(tx.hash()).isEqualTo(Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(tx.rawHex()))));
        long v = Numeric.toBigInt(decoded.getSignatureData().getV()).longValueExact();
        assertThat(v).isIn(35 + 2 * 1337L, 36 + 2 * 1337L);
    }

    @Test
    void eip1559TransactionCarriesBothFeesAndRecoversToTheSender() throws SignatureException {
        EvmTransactionFactory factory = new EvmTransactionFactory(signer, "k", 4242);

        EvmTransactionFactory.SignedTransaction tx = factory.call(TransactionType.EIP1559, 0, FEES,
                BigInteger.valueOf(90_000), CONTRACT, "0x", "test");

        assertThat(tx.rawHex()).startsWith("0x02");
        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(tx.rawHex());
        assertThat(decoded.getFrom()).isEqualToIgnoringCase(factory.address());
        var typed = (org.web3j.crypto.transaction.type.Transaction1559) decoded.getTransaction();
        assertThat(typed.getChainId()).isEqualTo(4242L);
        assertThat(typed.getMaxFeePerGas()).isEqualTo(FEES.maxFeePerGas());
        assertThat(typed.getMaxPriorityFeePerGas()).isEqualTo(FEES.priorityFeePerGas());
    }

    @Test
    void theSignerSeesTheExactSigningPreimage() {
        CapturingSigner capturing = new CapturingSigner(signer);
        EvmTransactionFactory factory = new EvmTransactionFactory(capturing, "k", 1337);

        factory.call(TransactionType.LEGACY, 3, FEES, BigInteger.TEN, CONTRACT, "0x", "anchor app#1");

        RawTransaction expected = RawTransaction.createTransaction(BigInteger.valueOf(3), FEES.maxFeePerGas(),
                BigInteger.TEN, CONTRACT, BigInteger.ZERO, "0x");
        assertThat(capturing.last.payload())
                .isEqualTo(org.web3j.crypto.TransactionEncoder.encode(expected, 1337L));
        assertThat(capturing.last.purpose()).isEqualTo("anchor app#1");
        assertThat(capturing.last.scheme()).isEqualTo(SignatureScheme.ECDSA_SECP256K1_KECCAK256_RECOVERABLE);
    }

    @Test
    void aHighSSignatureIsNormalisedToLowS() throws SignatureException {
        TransactionSigner highS = new CapturingSigner(signer) {
            @Override
            public byte[] sign(SigningRequest request) {
                byte[] sig = super.sign(request);
                BigInteger n = Sign.CURVE_PARAMS.getN();
                BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
                System.arraycopy(Numeric.toBytesPadded(n.subtract(s), 32), 0, sig, 32, 32);
                sig[64] ^= 1;
                return sig;
            }
        };
        EvmTransactionFactory factory = new EvmTransactionFactory(highS, "k", 1337);

        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(
                factory.call(TransactionType.LEGACY, 1, FEES, BigInteger.TEN, CONTRACT, "0x", "t").rawHex());

        assertThat(new BigInteger(1, decoded.getSignatureData().getS()))
                .isLessThanOrEqualTo(Sign.CURVE_PARAMS.getN().shiftRight(1));
        assertThat(decoded.getFrom()).isEqualToIgnoringCase(factory.address());
    }

    @Test
    void aSignatureFromAnotherKeyIsRefused() {
        SoftwareKeySigner other = new SoftwareKeySigner().withFreshKey("k");
        TransactionSigner mixedUp = new CapturingSigner(signer) {
            @Override
            public byte[] sign(SigningRequest request) {
                return other.sign(request);
            }
        };
        EvmTransactionFactory factory = new EvmTransactionFactory(mixedUp, "k", 1337);

        assertThatThrownBy(() -> factory.call(TransactionType.EIP1559, 1, FEES, BigInteger.TEN, CONTRACT, "0x", "t"))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_SIGNING_FAILED));
    }

    @Test
    void aMalformedSignatureIsRefused() {
        TransactionSigner truncated = new CapturingSigner(signer) {
            @Override
            public byte[] sign(SigningRequest request) {
                return Arrays.copyOf(super.sign(request), 64);
            }
        };
        EvmTransactionFactory factory = new EvmTransactionFactory(truncated, "k", 1337);

        assertThatThrownBy(() -> factory.call(TransactionType.LEGACY, 1, FEES, BigInteger.TEN, CONTRACT, "0x", "t"))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_SIGNING_FAILED));
    }

    @Test
    void aKeyOfAnotherSchemeIsRejected() {
        TransactionSigner p256 = new CapturingSigner(signer) {
            @Override
            public SignerKey key(String alias) {
                return new SignerKey(alias, SignatureScheme.ECDSA_P256_SHA256_DER, super.key(alias).publicKey());
            }
        };
        assertThatThrownBy(() -> new EvmTransactionFactory(p256, "k", 1))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_INVALID_CONFIGURATION));
    }

    @Test
    void addressMatchesWeb3jForRandomKeys() throws Exception {
        for (int i = 0; i < 5; i++) {
            var pair = Keys.createEcKeyPair();
            EvmTransactionFactory factory = new EvmTransactionFactory(new SoftwareKeySigner().with("k", pair), "k", 1);
            assertThat(factory.address()).isEqualToIgnoringCase("0x" + Keys.getAddress(pair));
        }
    }

    private static HashPointer pointer() {
        return new HashPointer(new byte[32], "app", 1);
    }

    /** Delegates and remembers the last request. */
    private static class CapturingSigner implements TransactionSigner {
        private final TransactionSigner delegate;
        SigningRequest last;

        CapturingSigner(TransactionSigner delegate) {
            this.delegate = delegate;
        }

        @Override
        public SignerKey key(String alias) {
            return delegate.key(alias);
        }

        @Override
        public byte[] sign(SigningRequest request) {
            last = request;
            return delegate.sign(request);
        }
    }
}
