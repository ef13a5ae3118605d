package io.cairn.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.audit.spi.AuditEvent;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.merkle.Hash;
import io.cairn.merkle.ProofVerifier;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP scenario on a real listener, embedded PostgreSQL and the real journal: define applications, submit
 * messages signed by a generated secp256k1 key, refuse what breaks a rule, seal, fetch blocks and proofs and
 * verify them independently, erase a payload and verify again.
 */
@Tag("integration")
class BlocksScenarioTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final TestSigner ALPHA = TestSigner.generate();
    private static final TestSigner SUSPENDED = TestSigner.generate();

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));

    @TempDir
    static java.nio.file.Path dir;
    static TestStack stack;
    static ApiClient api;

    @BeforeAll
    static void start() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        stack = new TestStack(dir, PayloadCipher.withKey(key), CLOCK);
        api = new ApiClient(stack.serve());
        stack.senders.put("LEI-ALPHA", new Sender("LEI-ALPHA", true, List.of(ALPHA.address())));
        stack.senders.put("LEI-SUSPENDED", new Sender("LEI-SUSPENDED", false, List.of(SUSPENDED.address())));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void applicationsAreDefinedOnceAndValidated() {
        Map<String, Object> definition = app("def.app", List.of("besu-main"), "PT5S", 10, false);
        assertThat(api.post("/api/v1/applications", "member", definition).status()).isEqualTo(403);
        ApiClient.Answer created = api.post("/api/v1/applications", "consortium-admin", definition);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("blockInterval").asText()).isEqualTo("PT5S");
        assertThat(created.body().path("createdBy").asText()).isEqualTo("consortium-admin-user");
        assertThat(api.post("/api/v1/applications", "consortium-admin", definition).status()).isEqualTo(200);
        definition.put("name", "renamed");
        assertThat(api.post("/api/v1/applications", "consortium-admin", definition).code()).isEqualTo("CAIRN-JOURNAL-0102");
        Map<String, Object> badSchema = app("bad.schema", List.of(), "PT5S", 10, false);
        badSchema.put("messageSchema", Map.of("type", 12));
        ApiClient.Answer refused = api.post("/api/v1/applications", "consortium-admin", badSchema);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("CAIRN-JOURNAL-0103");
        assertThat(refused.body().path("violations").get(0).path("pointer").asText()).isEqualTo("/type");
        assertInvalidField(app("Bad/Id", List.of(), "PT5S", 10, false), "id");
        assertInvalidField(app("short.interval", List.of(), "PT0.5S", 10, false), "blockInterval");
        assertInvalidField(app("too.big", List.of(), "PT5S", 100_001, false), "maxBlockSize");
        List<String> ledgers = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            ledgers.add("ledger-" + i);
        }
        assertInvalidField(app("many.ledgers", ledgers, "PT5S", 10, false), "ledgers");
        assertThat(api.get("/api/v1/applications", "auditor").body().path("applications").findValuesAsText("id"))
                .contains("def.app").doesNotContain("bad.schema");
        assertThat(api.get("/api/v1/applications/def.app", "member").body().path("ledgers").get(0).asText())
                .isEqualTo("besu-main");
        assertThat(api.get("/api/v1/applications/none", "member").code()).isEqualTo("CAIRN-JOURNAL-0101");
    }

    @Test
    void signedMessagesAreJournaledSealedAndProvable() throws Exception {
        define(app("pay.scenario", List.of("besu-main"), "PT2S", 3, false));
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) {
            byte[] payload = ("{\"amount\":" + (100 + i) + ",\"currency\":\"EUR\"}").getBytes(StandardCharsets.UTF_8);
            payloads.put("m" + i, payload);
            ApiClient.Answer answer = submit("pay.scenario", "m" + i, "LEI-ALPHA", ALPHA, payload);
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.body().path("seq").asLong()).isEqualTo(i - 1);
            assertThat(answer.body().path("digest").asText()).isEqualTo(HEX.formatHex(BlockHashingTest.sha256(payload)));
            AuditEvent event = stack.journal.entry(answer.body().path("journalLeafIndex").asLong()).orElseThrow().event();
            assertThat(event.type()).isEqualTo("application.message-accepted");
            assertThat(event.payloadSha256()).contains(answer.body().path("digest").asText());
            assertThat(event.attributes()).containsEntry("message-id", "m" + i).containsEntry("sender", "LEI-ALPHA")
                    .containsEntry("app", "pay.scenario");
        }
        assertRefusals(payloads.get("m1"));
        assertThat(api.get("/api/v1/applications/pay.scenario/messages/m1/proof", "auditor").code())
                .isEqualTo("CAIRN-JOURNAL-0111");

        assertThat(stack.sealer.sealDue(CLOCK.instant())).hasSize(1);
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(stack.sealer.sealDue(CLOCK.instant())).hasSize(1);
        assertThat(stack.sealer.sealDue(CLOCK.instant().plusSeconds(60))).isEmpty();

        JsonNode blocks = api.get("/api/v1/applications/pay.scenario/blocks?from=0&limit=10", "auditor").body()
                .path("blocks");
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).path("entries").asInt()).isEqualTo(3);
        assertThat(blocks.get(1).path("prevBlockHash").asText()).isEqualTo(blocks.get(0).path("blockHash").asText());
        for (JsonNode block : blocks) {
            assertThat(block.path("blockHash").asText()).isEqualTo(rehash(block));
            assertThat(block.path("status").asText()).isEqualTo("pending");
        }
        assertSealedBlocksAreJournaled("pay.scenario", blocks);
        for (Map.Entry<String, byte[]> message : payloads.entrySet()) {
            assertProofVerifies("pay.scenario", message.getKey(), BlockHashingTest.sha256(message.getValue()), blocks);
        }
        assertErasureKeepsTheProof(payloads, blocks);
        assertAnchorsAndPagesAreServed();
    }

    private void assertAnchorsAndPagesAreServed() {
        stack.anchors.recordAnchored("pay.scenario", 0, "besu-main", "0xfeed", 42, CLOCK.instant());
        stack.anchors.recordFinal("pay.scenario", 0, "besu-main", "0xfeed", CLOCK.instant());
        JsonNode block = api.get("/api/v1/applications/pay.scenario/blocks/0", "operator").body();
        assertThat(block.path("status").asText()).isEqualTo("final");
        JsonNode anchor = block.path("anchors").get(0);
        assertThat(anchor.path("ledger").asText()).isEqualTo("besu-main");
        assertThat(anchor.path("state").asText()).isEqualTo("final");
        assertThat(anchor.path("txId").asText()).isEqualTo("0xfeed");
        assertThat(anchor.path("height").asLong()).isEqualTo(42);
        assertThat(api.get("/api/v1/applications/pay.scenario/blocks/1", "operator").body().path("anchors")).isEmpty();
        JsonNode first = api.get("/api/v1/applications/pay.scenario/blocks?limit=1", "auditor").body();
        assertThat(first.path("blocks")).hasSize(1);
        assertThat(first.path("next").asLong()).isEqualTo(1);
        JsonNode second = api.get("/api/v1/applications/pay.scenario/blocks?from=1&limit=1", "auditor").body();
        assertThat(second.path("blocks").get(0).path("seq").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/applications/pay.scenario/blocks?from=2", "auditor").body().path("blocks")).isEmpty();
        assertThat(api.get("/api/v1/applications/pay.scenario/blocks/9", "auditor").code())
                .isEqualTo("CAIRN-JOURNAL-0112");
        assertThat(api.get("/api/v1/applications/pay.scenario/blocks/x", "auditor").code())
                .isEqualTo("CAIRN-API-0011");
    }

    @Test
    void personalDataMessagesAreSaltedCommitments() throws Exception {
        define(app("kyc.personal", List.of(), "PT1S", 10, true));
        byte[] payload = "{\"amount\":1,\"currency\":\"CHF\"}".getBytes(StandardCharsets.UTF_8);
        ApiClient.Answer accepted = submit("kyc.personal", "p1", "LEI-ALPHA", ALPHA, payload);
        assertThat(accepted.status()).isEqualTo(201);
        JsonNode read = api.get("/api/v1/applications/kyc.personal/messages/p1", "compliance-officer").body();
        byte[] salt = Base64.getDecoder().decode(read.path("salt").asText());
        assertThat(salt).hasSize(32);
        assertThat(Base64.getDecoder().decode(read.path("payload").asText())).isEqualTo(payload);
        assertThat(read.path("digest").asText()).isEqualTo(HEX.formatHex(BlockHashingTest.sha256(salt, payload)))
                .isNotEqualTo(HEX.formatHex(BlockHashingTest.sha256(payload)));
        assertThat(api.delete("/api/v1/applications/kyc.personal/messages/p1/payload", "consortium-admin").status())
                .isEqualTo(204);
        JsonNode erased = api.get("/api/v1/applications/kyc.personal/messages/p1", "compliance-officer").body();
        assertThat(erased.has("salt")).isFalse();
        assertThat(erased.has("payload")).isFalse();
        assertThat(erased.path("digest").asText()).isEqualTo(read.path("digest").asText());
        long stored = stack.db.jdbi().withHandle(h -> h.createQuery("select count(*) from blocks.payloads "
                + "where app = 'kyc.personal'").mapTo(Long.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void payloadsAreStoredEncrypted() {
        define(app("enc.app", List.of(), "PT1S", 10, false));
        byte[] payload = "{\"amount\":7,\"currency\":\"USD\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(submit("enc.app", "e1", "LEI-ALPHA", ALPHA, payload).status()).isEqualTo(201);
        Map<String, Object> row = stack.db.jdbi().withHandle(h -> h.createQuery("select nonce, content "
                + "from blocks.payloads where app = 'enc.app'").mapToMap().one());
        assertThat((byte[]) row.get("nonce")).hasSize(12);
        assertThat(new String((byte[]) row.get("content"), StandardCharsets.ISO_8859_1)).doesNotContain("USD");
        JsonNode read = api.get("/api/v1/applications/enc.app/messages/e1", "consortium-admin").body();
        assertThat(Base64.getDecoder().decode(read.path("payload").asText())).isEqualTo(payload);
    }

    private void assertRefusals(byte[] m1) {
        byte[] other = "{\"amount\":999,\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8);
        ApiClient.Answer replay = submit("pay.scenario", "m1", "LEI-ALPHA", ALPHA, m1);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().path("seq").asLong()).isZero();
        assertThat(submit("pay.scenario", "m1", "LEI-ALPHA", ALPHA, other).code()).isEqualTo("CAIRN-JOURNAL-0004");
        assertThat(submit("pay.scenario", "m1", "LEI-ALPHA", ALPHA, other).status()).isEqualTo(409);
        assertThat(submit("pay.scenario", "x1", "LEI-ALPHA", SUSPENDED, other).code()).isEqualTo("CAIRN-JOURNAL-0109");
        assertThat(submit("pay.scenario", "x2", "LEI-NOBODY", ALPHA, other).code()).isEqualTo("CAIRN-JOURNAL-0107");
        assertThat(submit("pay.scenario", "x3", "LEI-SUSPENDED", SUSPENDED, other).code())
                .isEqualTo("CAIRN-JOURNAL-0108");
        ApiClient.Answer violation = submit("pay.scenario", "x4", "LEI-ALPHA", ALPHA,
                "{\"amount\":0,\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(violation.status()).isEqualTo(422);
        assertThat(violation.code()).isEqualTo("CAIRN-JOURNAL-0106");
        assertThat(violation.body().path("violations").get(0).path("pointer").asText()).isEqualTo("/amount");
        byte[] huge = ("{\"amount\":1,\"currency\":\"EUR\",\"pad\":\"" + "x".repeat(MessageIntake.MAX_PAYLOAD_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        ApiClient.Answer oversize = submit("pay.scenario", "x5", "LEI-ALPHA", ALPHA, huge);
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.code()).isEqualTo("CAIRN-JOURNAL-0105");
        assertThat(api.post("/api/v1/applications/pay.scenario/messages", "member", Map.of("sender", "LEI-ALPHA",
                "payload", "not base64!", "signature", ALPHA.sign(other), "messageId", "x6")).code())
                .isEqualTo("CAIRN-JOURNAL-0104");
        assertThat(api.post("/api/v1/applications/pay.scenario/messages", "auditor", body("x7", "LEI-ALPHA", ALPHA, other))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/applications/pay.scenario/messages/x1", "auditor").code())
                .isEqualTo("CAIRN-JOURNAL-0110");
    }

    private void assertProofVerifies(String app, String messageId, byte[] digest, JsonNode blocks) throws Exception {
        JsonNode proof = api.get("/api/v1/applications/" + app + "/messages/" + messageId + "/proof", "auditor").body();
        JsonNode block = blocks.get(proof.path("blockSeq").asInt());
        assertThat(proof.path("blockHash").asText()).isEqualTo(block.path("blockHash").asText());
        assertThat(Hash.fromBase64(proof.path("root").asText()).hex()).isEqualTo(block.path("merkleRoot").asText());
        assertThat(proof.path("treeSize").asLong()).isEqualTo(block.path("entries").asLong());
        byte[] leafHash = BlockHashingTest.sha256(new byte[] {0}, digest);
        assertThat(Base64.getDecoder().decode(proof.path("leafHash").asText())).isEqualTo(leafHash);
        List<Hash> path = new ArrayList<>();
        proof.path("proof").forEach(p -> path.add(Hash.fromBase64(p.asText())));
        assertThat(ProofVerifier.verifyInclusion(proof.path("leafIdx").asLong(), proof.path("treeSize").asLong(),
                Hash.of(leafHash), path, Hash.fromHex(block.path("merkleRoot").asText())).isValid()).isTrue();
    }

    private void assertErasureKeepsTheProof(Map<String, byte[]> payloads, JsonNode blocks) throws Exception {
        String m2 = "/api/v1/applications/pay.scenario/messages/m2";
        assertThat(Base64.getDecoder().decode(api.get(m2, "compliance-officer").body().path("payload").asText()))
                .isEqualTo(payloads.get("m2"));
        assertThat(api.get(m2, "auditor").body().has("payload")).isFalse();
        assertThat(api.delete(m2 + "/payload", "member").status()).isEqualTo(403);
        assertThat(api.delete(m2 + "/payload", "consortium-admin").status()).isEqualTo(204);
        assertThat(api.delete(m2 + "/payload", "consortium-admin").status()).isEqualTo(204);
        JsonNode erased = api.get(m2, "compliance-officer").body();
        assertThat(erased.has("payload")).isFalse();
        assertThat(erased.path("payloadErasedAt").isTextual()).isTrue();
        assertProofVerifies("pay.scenario", "m2", BlockHashingTest.sha256(payloads.get("m2")), blocks);
        JsonNode again = api.get("/api/v1/applications/pay.scenario/blocks/0", "auditor").body();
        assertThat(again.path("blockHash").asText()).isEqualTo(blocks.get(0).path("blockHash").asText());
    }

    private static void assertSealedBlocksAreJournaled(String app, JsonNode blocks) {
        List<Long> leaves = stack.db.jdbi().withHandle(h -> h.createQuery("select journal_leaf_index from "
                + "blocks.verification_blocks where app = :app order by seq").bind("app", app).mapTo(Long.class).list());
        assertThat(leaves).hasSize(blocks.size());
        for (int i = 0; i < leaves.size(); i++) {
            AuditEvent event = stack.journal.entry(leaves.get(i)).orElseThrow().event();
            assertThat(event.type()).isEqualTo("application.block-sealed");
            assertThat(event.payloadSha256()).contains(blocks.get(i).path("blockHash").asText());
        }
    }

    /** The block hash recomputed from the block's JSON with nothing but MessageDigest. */
    static String rehash(JsonNode block) throws Exception {
        String text = "cairn-verification-block/v1\n" + block.path("app").asText() + "\n" + block.path("seq").asLong()
                + "\n" + block.path("prevBlockHash").asText() + "\n" + block.path("merkleRoot").asText() + "\n"
                + block.path("entries").asInt() + "\n" + block.path("createdAt").asText() + "\n";
        return HEX.formatHex(BlockHashingTest.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertInvalidField(Map<String, Object> definition, String field) {
        ApiClient.Answer answer = api.post("/api/v1/applications", "consortium-admin", definition);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("CAIRN-API-0004");
        assertThat(answer.body().path("field").asText()).isEqualTo(field);
    }

    private static void define(Map<String, Object> definition) {
        assertThat(api.post("/api/v1/applications", "consortium-admin", definition).status()).isEqualTo(201);
    }

    static Map<String, Object> app(String id, List<String> ledgers, String interval, int maxBlockSize,
                                   boolean personalData) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", id);
        definition.put("name", "Application " + id);
        definition.put("messageSchema", MessageSchemasTest.json(MessageSchemasTest.PAYMENT_SCHEMA));
        definition.put("ledgers", ledgers);
        definition.put("blockInterval", interval);
        definition.put("maxBlockSize", maxBlockSize);
        definition.put("personalData", personalData);
        return definition;
    }

    private static ApiClient.Answer submit(String app, String messageId, String sender, TestSigner signer,
                                           byte[] payload) {
        return api.post("/api/v1/applications/" + app + "/messages", "member", body(messageId, sender, signer, payload));
    }

    private static Map<String, String> body(String messageId, String sender, TestSigner signer, byte[] payload) {
        return Map.of("sender", sender, "payload", Base64.getEncoder().encodeToString(payload),
                "signature", signer.sign(payload), "messageId", messageId);
    }
}
