package io.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** {@code sign/ethereum-message}: personal_sign byte-identical to web3j and recovering to the key's address. */
class EthereumMessageFormatTest {
    private final FormatRoundTrip keys = new FormatRoundTrip();
    private final EthereumMessageFormat format = new EthereumMessageFormat();

    static ObjectNode message(String text, String encoding) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("message", text);
        return encoding == null ? node : node.put("encoding", encoding);
    }

    /** The 65 bytes {@code r || s || v} of a web3j signature. */
    static byte[] rsv(Sign.SignatureData data) {
        byte[] out = new byte[65];
        System.arraycopy(data.getR(), 0, out, 0, 32);
        System.arraycopy(data.getS(), 0, out, 32, 32);
        out[64] = data.getV()[0];
        return out;
    }

    static Sign.SignatureData signatureData(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.substring(2));
        return new Sign.SignatureData(b[64], java.util.Arrays.copyOfRange(b, 0, 32), java.util.Arrays.copyOfRange(b, 32, 64));
    }

    @Test
    void seededRandomMessagesMatchWeb3jAndRecoverToTheKeysAddress() throws Exception {
        Random random = new Random(0xe191L);
        for (int i = 0; i < 30; i++) {
            BigInteger scalar = FormatRoundTrip.scalar(random, Curve.SECP256K1);
            KeyHandle key = keys.importKey(Curve.SECP256K1, scalar);
            byte[] bytes = FormatRoundTrip.bytes(random, random.nextInt(300));
            boolean hex = i % 2 == 0;
            byte[] message = hex ? bytes : ("Grüße ✓ " + HexFormat.of().formatHex(bytes)).getBytes(StandardCharsets.UTF_8);
            JsonNode input = hex ? message("0x" + HexFormat.of().formatHex(message), "hex")
                    : message(new String(message, StandardCharsets.UTF_8), i % 4 == 1 ? null : "utf8");

            JsonNode answer = keys.sign(format, key, input);

            String signature = answer.get("signature").asText();
            assertThat(HexFormat.of().parseHex(signature.substring(2)))
                    .isEqualTo(rsv(Sign.signPrefixedMessage(message, ECKeyPair.create(scalar))));
            BigInteger recovered = Sign.signedPrefixedMessageToKey(message, signatureData(signature));
            assertThat(answer.get("address").asText()).isEqualToIgnoringCase("0x" + Keys.getAddress(recovered));
            assertThat(answer.get("address").asText()).isEqualTo(Keys.toChecksumAddress(Keys.getAddress(
                    ECKeyPair.create(scalar).getPublicKey())));
            assertThat(answer.get("v").asInt()).isBetween(27, 28);
            assertThat(answer.get("digest").asText())
                    .isEqualTo("0x" + HexFormat.of().formatHex(Sign.getEthereumMessageHash(message)));
            assertThat(signature).startsWith(answer.get("r").asText()).contains(answer.get("s").asText().substring(2));
        }
    }

    @Test
    void theFactsNameEthereumWithoutChainOrNonce() {
        assertThat(format.prepare(message("hello", null)).facts())
                .isEqualTo(FormatInput.facts("ethereum", java.util.Optional.empty()));
    }

    @Test
    void messagesAreLimitedTo64KibAndInputErrorsNameTheField() {
        assertThat(format.prepare(message("a".repeat(FormatInput.MAX_MESSAGE_BYTES), "utf8")).digest()).hasSize(32);
        assertThatThrownBy(() -> format.prepare(message("a".repeat(FormatInput.MAX_MESSAGE_BYTES + 1), "utf8")))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INPUT_TOO_LARGE);
                    assertThat(e.field()).contains("transaction.message");
                });
        assertThatThrownBy(() -> format.prepare(message("00".repeat(FormatInput.MAX_MESSAGE_BYTES + 1), "hex")))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INPUT_TOO_LARGE));
        assertThatThrownBy(() -> format.prepare(message("0xabc", "hex")))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("transaction.message"));
        assertThatThrownBy(() -> format.prepare(message("hi", "latin1")))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("transaction.encoding"));
        assertThatThrownBy(() -> format.prepare(JsonNodeFactory.instance.objectNode()))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("transaction.message"));
    }

    @Test
    void onlySecp256k1KeysSign() {
        assertThatThrownBy(() -> format.bind(message("hi", null), Curve.P256))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("key"));
        assertThatThrownBy(() -> new EthereumTypedDataFormat().bind(message("hi", null), Curve.ED25519))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("key"));
        assertThatThrownBy(() -> new EthereumTransactionFormat().bind(message("hi", null), Curve.P256))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("key"));
    }
}
