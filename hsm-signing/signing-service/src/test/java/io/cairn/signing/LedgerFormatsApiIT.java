package io.cairn.signing;

import static io.cairn.signing.SigningApiServer.json;
import static io.cairn.signing.SigningApiServer.ok;
import static io.cairn.signing.SigningApiServer.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.custody.pkcs11.Pkcs11KeyCustody;
import io.cairn.custody.pkcs11.SoftHsm;
import io.cairn.custody.software.JdbcSealedKeyRepository;
import io.cairn.custody.software.MasterKey;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.storage.Database;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * {@code sign/fabric}, {@code sign/corda}, {@code sign/ethereum-message} and {@code sign/ethereum-typed-data}
 * through the real HTTP API (a Helidon listener on 127.0.0.1, a real PostgreSQL) with software keys and, where
 * SoftHSM2 is installed, keys on a SoftHSM2 token created for the test JVM (P-256, secp256k1, and Ed25519
 * when the token offers it). Every signature is checked with a verifier that is not Cairn's code.
 */
@Tag("integration")
class LedgerFormatsApiIT {
    @TempDir
    static Path dir;
    static Database db;
    static SoftwareKeyCustody software;
    static Optional<Pkcs11KeyCustody> hsm = Optional.empty();
    static SigningService service;
    static SigningApiServer api;
    static final RecordingJournal JOURNAL = new RecordingJournal();
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    static final Map<String, Principal> USERS = Map.of(
            "alice", Fixtures.user("alice", Role.CONSORTIUM_ADMIN),
            "bob", Fixtures.user("bob", Role.CONSORTIUM_ADMIN),
            "dave", Fixtures.user("dave", Role.OPERATOR));
    final Random random = new Random(0x1edfL);

    @BeforeAll
    static void start() {
        db = Fixtures.database(dir);
        software = new SoftwareKeyCustody(new JdbcSealedKeyRepository(db.dataSource()), MasterKey.random(), false, CLOCK);
        Map<String, KeyCustody> backends = new HashMap<>(Map.of("software", software));
        Optional<String> missing = SoftHsm.missing();
        if (missing.isEmpty()) {
            hsm = Optional.of(Pkcs11KeyCustody.open(SoftHsm.shared().options(2)));
            backends.put("pkcs11", hsm.get());
        } else if ("true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
            fail("SoftHSM2 is required: " + missing.get());
        }
        service = new SigningService(db.jdbi(), backends, JOURNAL, LedgerFormats.standard(),
                new SigningServiceSettings(Duration.ofMinutes(30), 0, 1), CLOCK);
        api = SigningApiServer.start(service, USERS);
    }

    @AfterAll
    static void stop() {
        api.close();
        software.close();
        hsm.ifPresent(Pkcs11KeyCustody::close);
        db.close();
    }

    /** The backends to test a curve on: software always, the SoftHSM token when present and offering the curve. */
    static List<String> backends(Curve curve) {
        List<String> out = new ArrayList<>(List.of("software"));
        hsm.filter(h -> h.supportedCurves().contains(curve)).ifPresent(h -> out.add("pkcs11"));
        return out;
    }

    static JsonNode createKey(String alias, String backend, Curve curve, String policy) throws Exception {
        return ok(api.call("POST", "/api/v1/keys", "alice", "{\"alias\":\"" + alias + "\",\"backend\":\"" + backend
                + "\",\"curve\":\"" + curve.label() + "\",\"purpose\":\"ledger-transaction\""
                + (policy == null ? "" : ",\"policy\":" + policy) + "}"), 201);
    }

    static HttpResponse<String> sign(String alias, String format, String user, String idempotencyKey, JsonNode tx)
            throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("idempotencyKey", idempotencyKey);
        body.set("transaction", tx);
        return api.call("POST", "/api/v1/keys/" + alias + "/sign/" + format, user, body.toString());
    }

    static byte[] spki(JsonNode key) {
        String raw = key.get("versions").get(key.get("currentVersion").asInt() - 1).get("publicKey").asText();
        Curve curve = Curve.fromLabel(key.get("curve").asText()).orElseThrow();
        return new EncodedPublicKey(curve, HexFormat.of().parseHex(raw)).subjectPublicKeyInfo();
    }

    @Test
    void fabricSignaturesVerifyWithTheJdkForSoftwareAndHsmKeys() throws Exception {
        for (String backend : backends(Curve.P256)) {
            JsonNode key = createKey("fabric-" + backend, backend, Curve.P256, "{\"chainIds\":[\"fabric\"]}");
            for (int i = 0; i < 3; i++) {
                byte[] proposal = FormatRoundTrip.bytes(random, 1 + random.nextInt(5000));
                JsonNode signed = ok(sign("fabric-" + backend, "fabric", "dave", "f-" + backend + i,
                        FabricFormatTest.payload(proposal)), 200);
                JsonNode ledger = signed.get("signature").get("ledger");
                byte[] der = HexFormat.of().parseHex(ledger.get("signature").asText());
                assertThat(FormatRoundTrip.verify("SHA256withECDSA", spki(key), proposal, der)).as(backend).isTrue();
                assertThat(Base64.getDecoder().decode(ledger.get("publicKeyInfo").asText())).isEqualTo(spki(key));
                assertThat(JOURNAL.events().get(signed.get("signature").get("journalLeafIndex").asInt()).attributes())
                        .containsEntry("format", "fabric").containsEntry("transaction.chain-id", "fabric")
                        .doesNotContainKey("transaction.nonce");
            }
        }
        createKey("fabric-k1", "software", Curve.SECP256K1, null);
        int requests = json(api.call("GET", "/api/v1/approvals?state=all", "alice", null)).get("requests").size();
        problem(sign("fabric-k1", "fabric", "dave", "f-k1", FabricFormatTest.payload(new byte[] {1})), 422, "CAIRN-SIGN-0007");
        assertThat(json(api.call("GET", "/api/v1/approvals?state=all", "alice", null)).get("requests").size())
                .as("a key of the wrong curve is refused before a request is stored").isEqualTo(requests);
        problem(sign("fabric-software", "fabric", "dave", "f-bad", FormatRoundTrip.json("{\"payload\":\"%%\"}")), 422,
                "CAIRN-SIGN-0007");
    }

    @Test
    void cordaSignaturesVerifyForEd25519AndEcdsaKeys() throws Exception {
        for (Curve curve : Curve.values()) {
            for (String backend : backends(curve)) {
                String alias = "corda-" + curve.label() + "-" + backend;
                JsonNode key = createKey(alias, backend, curve, null);
                byte[] id = FormatRoundTrip.bytes(random, 32);
                JsonNode tx = CordaFormatTest.tx(HexFormat.of().withUpperCase().formatHex(id), 12);
                JsonNode ledger = ok(sign(alias, "corda", "dave", "c-" + alias, tx), 200).get("signature").get("ledger");
                byte[] signature = HexFormat.of().parseHex(ledger.get("signature").asText());
                String algorithm = curve.isEcdsa() ? "SHA256withECDSA" : "Ed25519";
                assertThat(FormatRoundTrip.verify(algorithm, spki(key), id, signature)).as(alias).isTrue();
                assertThat(ledger.get("signatureMetadata").get("platformVersion").asInt()).isEqualTo(12);
                assertThat(ledger.get("signatureMetadata").get("schemeNumberId").asInt())
                        .isEqualTo(ledger.get("schemeNumberId").asInt());
            }
        }
        createKey("corda-named", "software", Curve.ED25519, null);
        problem(sign("corda-named", "corda", "dave", "c-named", CordaFormatTest.tx("ab".repeat(32), 12)
                .put("scheme", "ECDSA_SECP256R1_SHA256")), 422, "CAIRN-SIGN-0007");
    }

    @Test
    void personalSignRecoversToTheKeysAddressAndMessagesAreLimited() throws Exception {
        for (String backend : backends(Curve.SECP256K1)) {
            String alias = "message-" + backend;
            String address = createKey(alias, backend, Curve.SECP256K1, null).get("ethereumAddress").asText();
            byte[] message = ("Cairn login " + backend).getBytes(StandardCharsets.UTF_8);
            JsonNode first = ok(sign(alias, "ethereum-message", "dave", "m-" + backend,
                    EthereumMessageFormatTest.message(new String(message, StandardCharsets.UTF_8), "utf8")), 200);
            JsonNode ledger = first.get("signature").get("ledger");
            BigInteger recovered = Sign.signedPrefixedMessageToKey(message,
                    EthereumMessageFormatTest.signatureData(ledger.get("signature").asText()));
            assertThat(Keys.toChecksumAddress(Keys.getAddress(recovered))).isEqualTo(address)
                    .isEqualTo(ledger.get("address").asText());
            JsonNode again = ok(sign(alias, "ethereum-message", "dave", "m-" + backend,
                    EthereumMessageFormatTest.message(new String(message, StandardCharsets.UTF_8), "utf8")), 200);
            assertThat(again.get("signature")).isEqualTo(first.get("signature"));
        }
        problem(sign("message-software", "ethereum-message", "dave", "m-big",
                EthereumMessageFormatTest.message("a".repeat(64 * 1024 + 1), "utf8")), 413, "CAIRN-SIGN-0016");
        problem(sign("message-software", "ethereum-message", "dave", "m-enc",
                EthereumMessageFormatTest.message("hi", "base32")), 422, "CAIRN-SIGN-0007");
    }

    @Test
    void typedDataSignsTheEip712MailExampleUnderTheChainPolicy() throws Exception {
        String address = createKey("mail-signer", "software", Curve.SECP256K1,
                "{\"chainIds\":[\"1\"],\"contracts\":[\"0xcccccccccccccccccccccccccccccccccccccccc\"]}")
                .get("ethereumAddress").asText();
        JsonNode typed = EthereumTypedDataFormatTest.request(EthereumTypedDataFormatTest.mail());
        JsonNode signed = ok(sign("mail-signer", "ethereum-typed-data", "dave", "mail-1", typed), 200);
        JsonNode ledger = signed.get("signature").get("ledger");
        assertThat(ledger.get("digest").asText()).isEqualTo(EthereumTypedDataFormatTest.MAIL_DIGEST);
        assertThat(signed.get("signature").get("digest").asText()).isEqualTo(EthereumTypedDataFormatTest.MAIL_DIGEST.substring(2));
        BigInteger recovered = Sign.signedMessageHashToKey(HexFormat.of().parseHex(ledger.get("digest").asText().substring(2)),
                EthereumMessageFormatTest.signatureData(ledger.get("signature").asText()));
        assertThat(Keys.toChecksumAddress(Keys.getAddress(recovered))).isEqualTo(address);
        assertThat(JOURNAL.events().get(signed.get("signature").get("journalLeafIndex").asInt()).attributes())
                .containsEntry("transaction.chain-id", "1")
                .containsEntry("transaction.to", "0xcccccccccccccccccccccccccccccccccccccccc");

        createKey("mail-devnet", "software", Curve.SECP256K1, "{\"chainIds\":[\"1337\"]}");
        problem(sign("mail-devnet", "ethereum-typed-data", "dave", "mail-2", typed), 403, "CAIRN-SIGN-0010");
        ObjectNode huge = EthereumTypedDataFormatTest.mail();
        ((ObjectNode) huge.get("message")).put("contents", "x".repeat(64 * 1024));
        problem(sign("mail-signer", "ethereum-typed-data", "dave", "mail-3",
                EthereumTypedDataFormatTest.request(huge)), 413, "CAIRN-SIGN-0016");
    }

    @Test
    void aDualControlKeyAssemblesTheLedgerSignatureOnceApproved() throws Exception {
        JsonNode key = createKey("corda-notary", "software", Curve.ED25519, "{\"requiredApprovals\":1}");
        byte[] id = FormatRoundTrip.bytes(random, 32);
        JsonNode pending = ok(sign("corda-notary", "corda", "dave", "n-1",
                CordaFormatTest.tx(HexFormat.of().formatHex(id), 12)), 202);
        assertThat(pending.has("signature")).isFalse();
        JsonNode signed = ok(api.call("POST", "/api/v1/approvals/" + pending.get("id").asText() + "/approve", "bob",
                null), 200);
        byte[] signature = HexFormat.of().parseHex(signed.get("signature").get("ledger").get("signature").asText());
        assertThat(FormatRoundTrip.verify("Ed25519", spki(key), id, signature)).isTrue();
        assertThat(signed.get("signature").get("approvers").toString()).isEqualTo("[\"bob\"]");
    }

    @Test
    void everyFormatHasItsOperation() {
        List<String> operations = service.apiServices().stream().flatMap(a -> a.endpoints().stream())
                .map(io.cairn.http.Endpoint::operationId).toList();
        assertThat(operations).contains("signFabric", "signCorda", "signEthereumMessage", "signEthereumTypedData",
                "signEthereumTransaction").doesNotHaveDuplicates();
    }
}
