package io.cairn.signing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.pkcs11.Pkcs11KeyCustody;
import io.cairn.custody.pkcs11.SoftHsm;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeySpec;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Transactions signed by a secp256k1 key generated on a SoftHSM2 token (created for this run) are accepted
 * and mined by a real anvil node, and the node's {@code ecrecover} precompile recovers the key's address.
 */
@Tag("integration")
class EthereumHsmAnvilIT {
    private static final long CHAIN_ID = 31_337;
    private static final EthereumAddress RECIPIENT = EthereumAddress.parse("0x" + "c0ffee".repeat(6) + "c0ff");
    private static final String ECRECOVER = "0x0000000000000000000000000000000000000001";

    private static AnvilNode anvil;
    private static Pkcs11KeyCustody custody;
    private static KeyHandle key;
    private static EthereumSigner signer;

    @BeforeAll
    static void startNodeAndToken() throws Exception {
        SoftHsm softHsm = TestTools.softHsm();
        anvil = AnvilNode.start(CHAIN_ID);
        custody = Pkcs11KeyCustody.open(softHsm.options(2));
        key = custody.generate(new KeySpec("eth-anvil-it", Curve.SECP256K1)).handle();
        signer = new EthereumSigner(custody);
        fund(signer.address(key));
    }

    @AfterAll
    static void stop() {
        if (custody != null) {
            custody.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    /** Sends 10 ether from anvil's first development account (web3j signs: test scope only). */
    private static void fund(EthereumAddress address) throws Exception {
        Credentials dev = Credentials.create(AnvilNode.DEV_ACCOUNT_KEY);
        RawTransaction transfer = RawTransaction.createEtherTransaction(anvil.nonce(dev.getAddress()),
                anvil.gasPrice(), BigInteger.valueOf(21_000), address.hex(), BigInteger.TEN.pow(19));
        byte[] raw = TransactionEncoder.signMessage(transfer, CHAIN_ID, dev);
        assertThat(anvil.send("0x" + HexFormat.of().formatHex(raw)).isStatusOK()).isTrue();
    }

    @Test
    void eip155TransactionIsMinedFromTheHsmAddress() throws Exception {
        String from = signer.address(key).hex();
        BigInteger before = anvil.balance(RECIPIENT.hex());
        LegacyTransaction tx = new LegacyTransaction(anvil.nonce(from), anvil.gasPrice(), BigInteger.valueOf(30_000),
                Optional.of(RECIPIENT), BigInteger.valueOf(123_456_789), new byte[] {0x0c, (byte) 0xa1}, CHAIN_ID);

        SignedEthereumTransaction signed = signer.signTransaction(key, tx);
        TransactionReceipt receipt = anvil.send(signed.rawHex());

        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(receipt.getTransactionHash()).isEqualTo(signed.hashHex());
        assertThat(receipt.getFrom()).isEqualTo(from);
        assertThat(signed.v()).isIn(BigInteger.valueOf(CHAIN_ID * 2 + 35), BigInteger.valueOf(CHAIN_ID * 2 + 36));
        assertThat(anvil.balance(RECIPIENT.hex())).isEqualTo(before.add(BigInteger.valueOf(123_456_789)));
        int recoveryId = signed.v().intValue() - (int) (CHAIN_ID * 2 + 35);
        assertThat(ecrecover(Hash.sha3(tx.signingPayload()), recoveryId, signed.r(), signed.s())).isEqualTo(from);
    }

    @Test
    void eip1559TransactionWithAccessListIsMinedFromTheHsmAddress() throws Exception {
        String from = signer.address(key).hex();
        BigInteger maxFee = anvil.gasPrice().multiply(BigInteger.TWO);
        Eip1559Transaction tx = new Eip1559Transaction(CHAIN_ID, anvil.nonce(from), BigInteger.valueOf(1_000_000_000L),
                maxFee, BigInteger.valueOf(60_000), Optional.of(RECIPIENT), BigInteger.valueOf(42), new byte[0],
                List.of(new AccessListEntry(RECIPIENT, List.of("0x" + "00".repeat(31) + "07"))));

        SignedEthereumTransaction signed = signer.signTransaction(key, tx);
        TransactionReceipt receipt = anvil.send(signed.rawHex());

        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(receipt.getTransactionHash()).isEqualTo(signed.hashHex());
        assertThat(receipt.getFrom()).isEqualTo(from);
        assertThat(receipt.getType()).isEqualTo("0x2");
        assertThat(ecrecover(Hash.sha3(tx.signingPayload()), signed.v().intValueExact(), signed.r(), signed.s()))
                .isEqualTo(from);
    }

    @Test
    void nodesEcrecoverOfAPersonalSignGivesTheHsmAddress() throws Exception {
        EthereumSignature signature = signer.personalSign(key, "cairn checkpoint 42".getBytes());
        assertThat(ecrecover(signature.digest(), signature.recoveryId(), signature.signature().r(),
                signature.signature().s())).isEqualTo(signer.address(key).hex());
    }

    /** Calls the node's ecrecover precompile (address 1) and returns the recovered address. */
    private static String ecrecover(byte[] digest, int recoveryId, BigInteger r, BigInteger s) throws Exception {
        String input = "0x" + HexFormat.of().formatHex(digest) + word(BigInteger.valueOf(27 + recoveryId)) + word(r)
                + word(s);
        String result = anvil.call(ECRECOVER, input);
        return "0x" + result.substring(result.length() - 40);
    }

    private static String word(BigInteger v) {
        String hex = v.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }
}
