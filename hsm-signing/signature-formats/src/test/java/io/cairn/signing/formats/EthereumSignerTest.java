package io.cairn.signing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;

/** Ethereum transactions and messages signed through a software key, checked against web3j and the EIP-155 example. */
class EthereumSignerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final long SEED = 0x5eed_2026L;

    private final SoftwareKeys keys = new SoftwareKeys();
    private final EthereumSigner signer = new EthereumSigner(keys.custody);

    @Test
    void signsTheEip155ExampleToThePublishedTransaction() {
        KeyHandle key = keys.importKey(Curve.SECP256K1, new BigInteger("46".repeat(32), 16));
        LegacyTransaction tx = new LegacyTransaction(BigInteger.valueOf(9), BigInteger.valueOf(20_000_000_000L),
                BigInteger.valueOf(21_000), Optional.of(EthereumAddress.parse("0x" + "35".repeat(20))),
                new BigInteger("1000000000000000000"), new byte[0], 1);

        assertThat(HEX.formatHex(tx.signingPayload())).isEqualTo(
                "ec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080");
        SignedEthereumTransaction signed = signer.signTransaction(key, tx);

        assertThat(signed.rawHex()).isEqualTo("0xf86c098504a817c800825208943535353535353535353535353535353535353535"
                + "880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f"
                + "761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");
        assertThat(signed.v()).isEqualTo(BigInteger.valueOf(37));
        assertThat(signed.hashHex()).isEqualTo("0x33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788");
        assertThat(signed.sender().hex()).isEqualTo("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");
        assertThat(signer.address(key)).isEqualTo(signed.sender());
    }

    @Test
    void legacyTransactionsAreByteIdenticalToWeb3j() throws Exception {
        Random random = new Random(SEED);
        for (int i = 0; i < 40; i++) {
            BigInteger scalar = SoftwareKeys.randomScalar(random, Curve.SECP256K1);
            KeyHandle key = keys.importKey(Curve.SECP256K1, scalar);
            long chainId = chainId(random);
            Optional<EthereumAddress> to = random.nextInt(5) == 0 ? Optional.empty()
                    : Optional.of(new EthereumAddress(bytes(random, 20)));
            byte[] data = bytes(random, random.nextInt(4) == 0 ? 0 : random.nextInt(300));
            LegacyTransaction tx = new LegacyTransaction(quantity(random, 64), quantity(random, 80),
                    quantity(random, 32), to, quantity(random, 200), data, chainId);

            SignedEthereumTransaction signed = signer.signTransaction(key, tx);

            RawTransaction raw = RawTransaction.createTransaction(tx.nonce(), tx.gasPrice(), tx.gasLimit(),
                    to.map(EthereumAddress::hex).orElse(""), tx.value(), "0x" + HEX.formatHex(data));
            Credentials credentials = Credentials.create(ECKeyPair.create(scalar));
            assertThat(signed.raw()).as("transaction %d", i)
                    .isEqualTo(TransactionEncoder.signMessage(raw, chainId, credentials));
            assertThat(signed.sender().hex()).isEqualTo(credentials.getAddress());
            assertThat(((SignedRawTransaction) TransactionDecoder.decode(signed.rawHex())).getFrom())
                    .isEqualTo(credentials.getAddress());
        }
    }

    @Test
    void eip1559TransactionsAreByteIdenticalToWeb3j() throws Exception {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 40; i++) {
            BigInteger scalar = SoftwareKeys.randomScalar(random, Curve.SECP256K1);
            KeyHandle key = keys.importKey(Curve.SECP256K1, scalar);
            List<AccessListEntry> accessList = accessList(random);
            Optional<EthereumAddress> to = random.nextInt(5) == 0 ? Optional.empty()
                    : Optional.of(new EthereumAddress(bytes(random, 20)));
            byte[] data = bytes(random, random.nextInt(200));
            Eip1559Transaction tx = new Eip1559Transaction(chainId(random), quantity(random, 64),
                    quantity(random, 40), quantity(random, 80), quantity(random, 32), to, quantity(random, 200), data,
                    accessList);

            SignedEthereumTransaction signed = signer.signTransaction(key, tx);

            RawTransaction raw = RawTransaction.createTransaction(tx.chainId(), tx.nonce(), tx.gasLimit(),
                    to.map(EthereumAddress::hex).orElse(""), tx.value(), "0x" + HEX.formatHex(data),
                    tx.maxPriorityFeePerGas(), tx.maxFeePerGas(), web3jAccessList(accessList));
            Credentials credentials = Credentials.create(ECKeyPair.create(scalar));
            assertThat(signed.raw()).as("transaction %d", i)
                    .isEqualTo(TransactionEncoder.signMessage(raw, credentials));
            assertThat(signed.raw()[0]).isEqualTo((byte) 2);
            assertThat(signed.v()).isBetween(BigInteger.ZERO, BigInteger.ONE);
            assertThat(((SignedRawTransaction) TransactionDecoder.decode(signed.rawHex())).getFrom())
                    .isEqualTo(credentials.getAddress());
        }
    }

    @Test
    void personalSignIsByteIdenticalToWeb3j() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 20; i++) {
            BigInteger scalar = SoftwareKeys.randomScalar(random, Curve.SECP256K1);
            KeyHandle key = keys.importKey(Curve.SECP256K1, scalar);
            byte[] message = bytes(random, 1 + random.nextInt(100));

            EthereumSignature signature = signer.personalSign(key, message);

            Sign.SignatureData expected = Sign.signPrefixedMessage(message, ECKeyPair.create(scalar));
            assertThat(signature.bytes()).isEqualTo(concat(expected));
            assertThat(signature.digest()).isEqualTo(Sign.getEthereumMessageHash(message));
        }
    }

    @Test
    void typedDataIsByteIdenticalToWeb3jAndHashesToTheEip712Example() throws Exception {
        BigInteger scalar = SoftwareKeys.randomScalar(new Random(SEED + 3), Curve.SECP256K1);
        KeyHandle key = keys.importKey(Curve.SECP256K1, scalar);

        EthereumSignature signature = signer.signTypedData(key, EIP712_MAIL);

        assertThat(HEX.formatHex(signature.digest()))
                .isEqualTo("be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
        assertThat(signature.bytes()).isEqualTo(concat(Sign.signTypedData(EIP712_MAIL, ECKeyPair.create(scalar))));
    }

    @Test
    void aHighSFromTheCustodyIsFlippedWithItsParity() {
        Random random = new Random(SEED + 4);
        for (int i = 0; i < 10; i++) {
            BigInteger scalar = SoftwareKeys.randomScalar(random, Curve.SECP256K1);
            KeyHandle key = keys.importKey(Curve.SECP256K1, scalar);
            EthereumSigner highS = new EthereumSigner(TamperingCustody.highS(keys.custody));
            byte[] message = bytes(random, 32);

            EthereumSignature signature = highS.personalSign(key, message);

            assertThat(signature.signature().isLowS()).isTrue();
            assertThat(signature.bytes()).isEqualTo(concat(Sign.signPrefixedMessage(message, ECKeyPair.create(scalar))));
        }
    }

    @Test
    void aSignatureThatDoesNotVerifyAgainstTheKeyIsRefused() {
        KeyHandle key = keys.generate(Curve.SECP256K1);
        KeyHandle other = keys.generate(Curve.SECP256K1);
        EthereumSigner swapped = new EthereumSigner(new TamperingCustody(keys.custody,
                v -> keys.custody.sign(other, SigningInput.digest(new byte[32]))));
        assertThatThrownBy(() -> swapped.personalSign(key, new byte[] {1}))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_SIGNATURE_FAILED));
    }

    @Test
    void addressesMatchWeb3j() {
        Random random = new Random(SEED + 5);
        for (int i = 0; i < 10; i++) {
            BigInteger scalar = SoftwareKeys.randomScalar(random, Curve.SECP256K1);
            KeyHandle key = keys.importKey(Curve.SECP256K1, scalar);
            String web3j = Keys.getAddress(ECKeyPair.create(scalar));
            assertThat(signer.address(key).hex()).isEqualTo("0x" + web3j);
            assertThat(signer.address(key).checksummed()).isEqualTo(Keys.toChecksumAddress(web3j));
        }
    }

    @Test
    void refusesKeysOnOtherCurves() {
        KeyHandle p256 = keys.generate(Curve.P256);
        assertThatThrownBy(() -> signer.personalSign(p256, new byte[] {1}))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT));
    }

    @Test
    void refusesOutOfRangeFieldsAndBadTypedData() {
        assertThatThrownBy(() -> new LegacyTransaction(BigInteger.ONE.negate(), BigInteger.ONE, BigInteger.ONE,
                Optional.empty(), BigInteger.ZERO, new byte[0], 1))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("nonce"));
        assertThatThrownBy(() -> new Eip1559Transaction(0, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE,
                BigInteger.ONE, Optional.empty(), BigInteger.ZERO, new byte[0]))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("chainId"));
        assertThatThrownBy(() -> new LegacyTransaction(BigInteger.ONE, BigInteger.ONE.shiftLeft(256), BigInteger.ONE,
                Optional.empty(), BigInteger.ZERO, new byte[0], 1))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("gasPrice"));
        assertThatThrownBy(() -> EthereumSigner.typedDataHash("{\"types\": 1}"))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT));
    }

    static byte[] concat(Sign.SignatureData data) {
        byte[] out = new byte[65];
        System.arraycopy(data.getR(), 0, out, 0, 32);
        System.arraycopy(data.getS(), 0, out, 32, 32);
        out[64] = data.getV()[0];
        return out;
    }

    private static long chainId(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 1;
            case 1 -> 1337;
            case 2 -> 1 + random.nextInt(Integer.MAX_VALUE);
            default -> 1 + (random.nextLong() >>> 24);
        };
    }

    private static BigInteger quantity(Random random, int maxBits) {
        return random.nextInt(6) == 0 ? BigInteger.ZERO : new BigInteger(1 + random.nextInt(maxBits), random);
    }

    static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    private static List<AccessListEntry> accessList(Random random) {
        List<AccessListEntry> list = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            List<String> keysOf = new ArrayList<>();
            for (int k = random.nextInt(3); k > 0; k--) {
                keysOf.add("0x" + HEX.formatHex(bytes(random, 32)));
            }
            list.add(new AccessListEntry(new EthereumAddress(bytes(random, 20)), keysOf));
        }
        return list;
    }

    private static List<AccessListObject> web3jAccessList(List<AccessListEntry> entries) {
        return entries.stream().map(e -> new AccessListObject(e.address().hex(), e.storageKeys())).toList();
    }

    /** The "Mail" example of the EIP-712 text. */
    static final String EIP712_MAIL = """
            {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},
            {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
            "Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
            "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"}]},
            "primaryType":"Mail",
            "domain":{"name":"Ether Mail","version":"1","chainId":1,
            "verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
            "message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
            "to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},"contents":"Hello, Bob!"}}
            """;

    static EcdsaSignature high(EcdsaSignature s) {
        return s.isLowS() ? new EcdsaSignature(s.curve(), s.r(), s.curve().order().subtract(s.s())) : s;
    }
}
