package io.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code sign/corda}: signatures over a transaction id in the key's Corda scheme, checked with JCA verifiers. */
class CordaFormatTest {
    private static final Map<Curve, String> SCHEMES = Map.of(Curve.ED25519, "EDDSA_ED25519_SHA512",
            Curve.P256, "ECDSA_SECP256R1_SHA256", Curve.SECP256K1, "ECDSA_SECP256K1_SHA256");
    private static final Map<Curve, Integer> NUMBERS = Map.of(Curve.ED25519, 4, Curve.P256, 3, Curve.SECP256K1, 2);
    private final FormatRoundTrip keys = new FormatRoundTrip();
    private final CordaFormat format = new CordaFormat();

    static ObjectNode tx(String id, int platformVersion) {
        return JsonNodeFactory.instance.objectNode().put("transactionId", id).put("platformVersion", platformVersion);
    }

    @Test
    void everySchemeSignsTheIdAsCordaVerifiesIt() {
        Random random = new Random(0xc0daL);
        for (Curve curve : Curve.values()) {
            KeyHandle key = keys.generate(curve);
            byte[] spki = keys.publicKey(key).subjectPublicKeyInfo();
            for (int i = 0; i < 15; i++) {
                byte[] id = FormatRoundTrip.bytes(random, 32);
                String written = i % 2 == 0 ? HexFormat.of().withUpperCase().formatHex(id) : "0x" + HexFormat.of().formatHex(id);

                JsonNode answer = keys.sign(format, key, tx(written, 12));

                byte[] signature = HexFormat.of().parseHex(answer.get("signature").asText());
                String algorithm = curve.isEcdsa() ? "SHA256withECDSA" : "Ed25519";
                assertThat(FormatRoundTrip.verify(algorithm, spki, id, signature)).as(curve.label()).isTrue();
                if (curve.isEcdsa()) {
                    assertThat(EcdsaSignature.fromDer(curve, signature).isLowS()).isTrue();
                }
                assertThat(answer.get("scheme").asText()).isEqualTo(SCHEMES.get(curve));
                assertThat(answer.get("schemeNumberId").asInt()).isEqualTo(NUMBERS.get(curve));
                assertThat(answer.get("signatureMetadata").toString())
                        .isEqualTo("{\"platformVersion\":12,\"schemeNumberId\":" + NUMBERS.get(curve) + "}");
                assertThat(answer.get("transactionId").asText()).isEqualTo(HexFormat.of().withUpperCase().formatHex(id));
                assertThat(answer.get("signedContent").asText()).isEqualTo("transaction-id");
                assertThat(Base64.getDecoder().decode(answer.get("publicKeyInfo").asText())).isEqualTo(spki);
                assertThat(Base64.getDecoder().decode(answer.get("signatureBase64").asText())).isEqualTo(signature);
                id[0] ^= 1;
                assertThat(FormatRoundTrip.verify(algorithm, spki, id, signature)).isFalse();
            }
        }
    }

    @Test
    void theSchemeDecidesWhatIsSigned() throws Exception {
        byte[] id = new byte[32];
        id[31] = 7;
        String hex = HexFormat.of().formatHex(id);
        assertThat(format.prepare(format.bind(tx(hex, 4), Curve.ED25519)).digest()).isEqualTo(id);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(id);
        assertThat(format.prepare(format.bind(tx(hex, 4), Curve.P256)).digest()).isEqualTo(sha);
        assertThat(format.prepare(format.bind(tx(hex, 4), Curve.SECP256K1)).digest()).isEqualTo(sha);
        assertThat(format.prepare(format.bind(tx(hex, 4), Curve.P256)).facts())
                .isEqualTo(FormatInput.facts("corda", java.util.Optional.empty()));
    }

    @Test
    void bindingPinsTheKeysSchemeAndRefusesAnother() {
        String id = "ab".repeat(32);
        assertThat(format.bind(tx(id, 4), Curve.P256).get("scheme").asText()).isEqualTo("ECDSA_SECP256R1_SHA256");
        ObjectNode named = tx(id, 4).put("scheme", "ecdsa_secp256r1_sha256");
        assertThat(format.bind(named, Curve.P256)).isSameAs(named);
        assertThatThrownBy(() -> format.bind(tx(id, 4).put("scheme", "EDDSA_ED25519_SHA512"), Curve.P256))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("transaction.scheme"));
        assertThatThrownBy(() -> format.prepare(tx(id, 4)))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("transaction.scheme"));
    }

    @Test
    void anAssembledSchemeMustMatchTheSigningKey() {
        KeyHandle p256 = keys.generate(Curve.P256);
        JsonNode boundForEd25519 = format.bind(tx("cd".repeat(32), 4), Curve.ED25519);
        assertThatThrownBy(() -> format.assemble(boundForEd25519, keys.publicKey(p256),
                keys.custody.sign(p256, io.cairn.custody.spi.SigningInput.digest(new byte[32]))))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("transaction.scheme"));
    }

    @Test
    void inputErrorsNameTheField() {
        Map<String, JsonNode> cases = Map.of(
                "transaction.transactionId", tx("ab".repeat(31), 4).put("scheme", "EDDSA_ED25519_SHA512"),
                "transaction.platformVersion", tx("ab".repeat(32), 0).put("scheme", "EDDSA_ED25519_SHA512"),
                "transaction.scheme", tx("ab".repeat(32), 4).put("scheme", "RSA_SHA256"));
        cases.forEach((field, input) -> assertThatThrownBy(() -> format.prepare(input))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.field()).as(field).contains(field);
                    assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT);
                }));
        JsonNode noVersion = JsonNodeFactory.instance.objectNode().put("transactionId", "ab".repeat(32))
                .put("scheme", "EDDSA_ED25519_SHA512");
        assertThatThrownBy(() -> format.prepare(noVersion)).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.field()).contains("transaction.platformVersion"));
        assertThatThrownBy(() -> format.prepare(tx("zz".repeat(32), 4).put("scheme", "EDDSA_ED25519_SHA512")))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("transaction.transactionId"));
    }
}
