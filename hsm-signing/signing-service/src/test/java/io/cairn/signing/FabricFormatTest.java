package io.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code sign/fabric}: DER low-S signatures over SHA-256 of the payload, checked with the JDK's verifier. */
class FabricFormatTest {
    private final FormatRoundTrip keys = new FormatRoundTrip();
    private final FabricFormat format = new FabricFormat();

    static JsonNode payload(byte[] bytes) {
        return JsonNodeFactory.instance.objectNode().put("payload", Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void seededRandomPayloadsVerifyWithSha256WithEcdsaAndHaveLowS() throws Exception {
        Random random = new Random(0xfab1L);
        KeyHandle key = keys.generate(Curve.P256);
        byte[] spki = keys.publicKey(key).subjectPublicKeyInfo();
        for (int i = 0; i < 40; i++) {
            byte[] proposal = FormatRoundTrip.bytes(random, 1 + random.nextInt(4000));

            JsonNode answer = keys.sign(format, key, payload(proposal));

            byte[] der = HexFormat.of().parseHex(answer.get("signature").asText());
            assertThat(Base64.getDecoder().decode(answer.get("signatureBase64").asText())).isEqualTo(der);
            assertThat(FormatRoundTrip.verify("SHA256withECDSA", spki, proposal, der)).isTrue();
            assertThat(EcdsaSignature.fromDer(Curve.P256, der).isLowS()).isTrue();
            assertThat(answer.get("digest").asText())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(proposal)));
            assertThat(Base64.getDecoder().decode(answer.get("publicKeyInfo").asText())).isEqualTo(spki);
            assertThat(answer.get("publicKey").asText()).isEqualTo(keys.publicKey(key).hex());
            proposal[random.nextInt(proposal.length)] ^= 1;
            assertThat(FormatRoundTrip.verify("SHA256withECDSA", spki, proposal, der)).isFalse();
        }
    }

    @Test
    void theFactsNameTheLedgerAndCarryNoNonce() {
        LedgerFormat.Prepared prepared = format.prepare(payload(new byte[] {1, 2, 3}));
        assertThat(prepared.facts()).isEqualTo(FormatInput.facts("fabric", java.util.Optional.empty()));
        assertThat(prepared.facts().nonce()).isEmpty();
    }

    @Test
    void onlyP256KeysSign() {
        for (Curve curve : new Curve[] {Curve.SECP256K1, Curve.ED25519}) {
            assertThatThrownBy(() -> format.bind(payload(new byte[] {1}), curve)).isInstanceOfSatisfying(
                    CairnException.class, e -> {
                        assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT);
                        assertThat(e.field()).contains("key");
                        assertThat(e.getMessage()).contains(curve.label());
                    });
        }
        assertThat(format.bind(payload(new byte[] {1}), Curve.P256)).isEqualTo(payload(new byte[] {1}));
    }

    @Test
    void payloadsAreLimitedToOneMebibyteAndMustBeBase64() {
        assertThat(format.prepare(payload(new byte[FormatInput.MAX_PAYLOAD_BYTES])).digest()).hasSize(32);
        assertThatThrownBy(() -> format.prepare(payload(new byte[FormatInput.MAX_PAYLOAD_BYTES + 1])))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INPUT_TOO_LARGE);
                    assertThat(e.error().httpStatus()).isEqualTo(413);
                    assertThat(e.field()).contains("transaction.payload");
                });
        assertThatThrownBy(() -> format.prepare(JsonNodeFactory.instance.objectNode().put("payload", "%%not base64")))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("transaction.payload"));
        assertThatThrownBy(() -> format.prepare(payload(new byte[0])))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("transaction.payload"));
        assertThatThrownBy(() -> format.prepare(FormatRoundTrip.json("{\"payload\":\"AQ==\",\"channel\":\"x\"}")))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.API_UNKNOWN_FIELD));
    }
}
