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
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** {@code sign/ethereum-typed-data}: the EIP-712 "Mail" example and seeded variations, checked against web3j. */
class EthereumTypedDataFormatTest {
    /** The "Mail" example of the EIP-712 text (test resource {@code eip712-mail.json}). */
    static final String MAIL = resource("eip712-mail.json");
    /** The digest the EIP-712 text gives for the "Mail" example. */
    static final String MAIL_DIGEST = "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2";

    private final FormatRoundTrip keys = new FormatRoundTrip();
    private final EthereumTypedDataFormat format = new EthereumTypedDataFormat();

    static ObjectNode request(JsonNode typedData) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("typedData", typedData);
        return node;
    }

    static String resource(String name) {
        try (java.io.InputStream in = EthereumTypedDataFormatTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " missing", e);
        }
    }

    static ObjectNode mail() {
        return (ObjectNode) FormatRoundTrip.json(MAIL);
    }

    @Test
    void theMailExampleHasThePublishedDigestAndRecoversToTheKey() throws Exception {
        BigInteger scalar = FormatRoundTrip.scalar(new Random(712L), Curve.SECP256K1);
        KeyHandle key = keys.importKey(Curve.SECP256K1, scalar);

        JsonNode answer = keys.sign(format, key, request(mail()));

        assertThat(answer.get("digest").asText()).isEqualTo(MAIL_DIGEST);
        String signature = answer.get("signature").asText();
        assertThat(HexFormat.of().parseHex(signature.substring(2)))
                .isEqualTo(EthereumMessageFormatTest.rsv(Sign.signTypedData(MAIL, ECKeyPair.create(scalar))));
        BigInteger recovered = Sign.signedMessageHashToKey(HexFormat.of().parseHex(MAIL_DIGEST.substring(2)),
                EthereumMessageFormatTest.signatureData(signature));
        assertThat(answer.get("address").asText()).isEqualTo(Keys.toChecksumAddress(Keys.getAddress(recovered)));
        assertThat(recovered).isEqualTo(ECKeyPair.create(scalar).getPublicKey());
    }

    @Test
    void seededVariationsMatchWeb3j() throws Exception {
        Random random = new Random(0x712L);
        for (int i = 0; i < 20; i++) {
            BigInteger scalar = FormatRoundTrip.scalar(random, Curve.SECP256K1);
            KeyHandle key = keys.importKey(Curve.SECP256K1, scalar);
            ObjectNode typed = mail();
            ((ObjectNode) typed.get("message")).put("contents", HexFormat.of().formatHex(FormatRoundTrip.bytes(random, random.nextInt(200))));
            ((ObjectNode) typed.get("domain")).put("chainId", 1 + random.nextInt(100_000));

            JsonNode answer = keys.sign(format, key, request(typed));

            assertThat(HexFormat.of().parseHex(answer.get("signature").asText().substring(2))).isEqualTo(
                    EthereumMessageFormatTest.rsv(Sign.signTypedData(typed.toString(), ECKeyPair.create(scalar))));
        }
    }

    @Test
    void theFactsAreTheDomainsChainAndVerifyingContract() {
        LedgerFormat.Prepared mailFacts = format.prepare(request(mail()));
        assertThat(mailFacts.facts()).isEqualTo(FormatInput.facts("1",
                Optional.of("0xcccccccccccccccccccccccccccccccccccccccc")));
        ObjectNode hexChain = mail();
        ((ObjectNode) hexChain.get("domain")).put("chainId", "0x539");
        assertThat(format.prepare(request(hexChain)).facts().chainId()).isEqualTo("1337");
        ObjectNode noChain = mail();
        ((ObjectNode) noChain.get("domain")).remove("chainId");
        ((ObjectNode) noChain.get("domain")).remove("verifyingContract");
        ((com.fasterxml.jackson.databind.node.ArrayNode) noChain.get("types").get("EIP712Domain")).remove(3);
        ((com.fasterxml.jackson.databind.node.ArrayNode) noChain.get("types").get("EIP712Domain")).remove(2);
        assertThat(format.prepare(request(noChain)).facts()).isEqualTo(FormatInput.facts("ethereum", Optional.empty()));
    }

    @Test
    void inputErrorsNameTheFieldAndDocumentsAreLimitedTo64Kib() {
        ObjectNode badChain = mail();
        ((ObjectNode) badChain.get("domain")).put("chainId", "many");
        assertThatThrownBy(() -> format.prepare(request(badChain))).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.field()).contains("transaction.typedData.domain.chainId"));
        ObjectNode badContract = mail();
        ((ObjectNode) badContract.get("domain")).put("verifyingContract", "0x1234");
        assertThatThrownBy(() -> format.prepare(request(badContract))).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.field()).contains("transaction.typedData.domain.verifyingContract"));
        ObjectNode notEip712 = JsonNodeFactory.instance.objectNode().put("types", 1);
        assertThatThrownBy(() -> format.prepare(request(notEip712))).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT);
            assertThat(e.field()).contains("typedData");
        });
        assertThatThrownBy(() -> format.prepare(request(JsonNodeFactory.instance.textNode("x"))))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("transaction.typedData"));
        ObjectNode huge = mail();
        ((ObjectNode) huge.get("message")).put("contents", "x".repeat(FormatInput.MAX_MESSAGE_BYTES));
        assertThatThrownBy(() -> format.prepare(request(huge))).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INPUT_TOO_LARGE);
            assertThat(e.field()).contains("transaction.typedData");
        });
    }
}
