package io.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.custody.software.JdbcSealedKeyRepository;
import io.cairn.custody.software.MasterKey;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.custody.spi.Curve;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.storage.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing API end to end through a real Helidon listener on 127.0.0.1 ({@link SigningApiServer}: a fixed
 * token table stands in for the identity module), a real PostgreSQL and the software backend.
 */
@Tag("integration")
class SigningApiIT {
    @TempDir
    static Path dir;
    static Database db;
    static SoftwareKeyCustody software;
    static SigningApiServer server;
    static SigningService service;
    static final RecordingJournal JOURNAL = new RecordingJournal();
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
    static final Map<String, Principal> USERS = Map.of(
            "alice", Fixtures.user("alice", Role.CONSORTIUM_ADMIN),
            "bob", Fixtures.user("bob", Role.CONSORTIUM_ADMIN),
            "carol", Fixtures.user("carol", Role.CONSORTIUM_ADMIN),
            "frank", Fixtures.user("frank", Role.CONSORTIUM_ADMIN),
            "dave", Fixtures.user("dave", Role.OPERATOR),
            "eve", Fixtures.user("eve", Role.AUDITOR));
    final Random random = new Random(4242L);

    @BeforeAll
    static void start() {
        db = Fixtures.database(dir);
        software = new SoftwareKeyCustody(new JdbcSealedKeyRepository(db.dataSource()), MasterKey.random(), false, CLOCK);
        service = new SigningService(db.jdbi(), Map.of("software", software), JOURNAL,
                List.of(new StandInTransactionFormat(), new EthereumTransactionFormat()), new SigningServiceSettings(Duration.ofMinutes(30), 0, 1), CLOCK);
        server = SigningApiServer.start(service, USERS);
    }

    @AfterAll
    static void stop() {
        server.close();
        software.close();
        db.close();
    }

    @BeforeEach
    void journalWorks() {
        JOURNAL.failing(false);
    }

    static HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        return server.call(method, path, user, body);
    }

    static JsonNode json(HttpResponse<String> res) throws Exception {
        return SigningApiServer.json(res);
    }

    static void problem(HttpResponse<String> res, int status, String code) throws Exception {
        SigningApiServer.problem(res, status, code);
    }

    static JsonNode ok(HttpResponse<String> res, int status) throws Exception {
        return SigningApiServer.ok(res, status);
    }

    static void createKey(String alias, String curve, String purpose, String policy) throws Exception {
        ok(call("POST", "/api/v1/keys", "alice", "{\"alias\":\"" + alias + "\",\"backend\":\"software\",\"curve\":\""
                + curve + "\",\"purpose\":\"" + purpose + "\"" + (policy == null ? "" : ",\"policy\":" + policy) + "}"), 201);
    }

    static String signBody(String key, String digest, String purpose) {
        return "{\"idempotencyKey\":\"" + key + "\",\"digest\":\"" + digest + "\",\"purpose\":\"" + purpose + "\"}";
    }

    @Test
    void twoOfThreeApprovalsProduceTheSignatureForTheRequester() throws Exception {
        createKey("treasury", "secp256k1", "certificate-authority",
                "{\"requiredApprovals\":2,\"approvers\":[\"bob\",\"carol\",\"frank\"]}");
        String digest = Fixtures.digest(random);
        JsonNode pending = ok(call("POST", "/api/v1/keys/treasury/sign/digest", "dave",
                signBody("t-1", digest, "certificate-authority")), 202);
        assertThat(pending.get("state").asText()).isEqualTo("pending");
        assertThat(pending.has("signature")).isFalse();
        String id = pending.get("id").asText();
        String approve = "/api/v1/approvals/" + id + "/approve";

        problem(call("POST", approve, "dave", null), 403, "CAIRN-SIGN-0013");      // own request
        problem(call("POST", approve, "alice", null), 403, "CAIRN-SIGN-0013");     // admin, but not one of the n
        problem(call("POST", approve, "eve", null), 403, "CAIRN-AUTH-0003");       // auditors cannot decide
        assertThat(ok(call("POST", approve, "bob", null), 202).get("state").asText()).isEqualTo("pending");
        problem(call("POST", approve, "bob", null), 403, "CAIRN-SIGN-0013");       // one decision per user
        assertThat(json(call("GET", "/api/v1/signing-requests/" + id, "dave", null)).has("signature")).isFalse();

        JsonNode signed = ok(call("POST", approve, "carol", null), 200);
        assertThat(signed.get("state").asText()).isEqualTo("signed");
        JsonNode sig = signed.get("signature");
        assertThat(Fixtures.verifies(Curve.SECP256K1, sig.get("publicKey").asText(), digest, sig.get("signature").asText()))
                .isTrue();
        assertThat(sig.get("approvers").toString()).isEqualTo("[\"bob\",\"carol\"]");
        assertThat(JOURNAL.events().get(sig.get("journalLeafIndex").asInt()).attributes())
                .containsEntry("approvers", "bob,carol").containsEntry("requester", "dave");

        JsonNode fetched = ok(call("GET", "/api/v1/signing-requests/" + id, "eve", null), 200);
        assertThat(fetched.get("signature")).isEqualTo(sig);
        assertThat(ok(call("POST", "/api/v1/keys/treasury/sign/digest", "dave",
                signBody("t-1", digest, "certificate-authority")), 200).get("signature")).isEqualTo(sig);
        problem(call("POST", "/api/v1/keys/treasury/sign/digest", "dave",
                signBody("t-1", Fixtures.digest(random), "certificate-authority")), 422, "CAIRN-API-0012");
        problem(call("POST", approve, "frank", null), 409, "CAIRN-SIGN-0014");
    }

    @Test
    void pendingRequestsExpireAndRejectionEndsThem() throws Exception {
        createKey("vault-1", "p-256", "report-seal", "{\"requiredApprovals\":1}");
        String first = ok(call("POST", "/api/v1/keys/vault-1/sign/digest", "dave",
                signBody("v-1", Fixtures.digest(random), "report-seal")), 202).get("id").asText();
        String second = ok(call("POST", "/api/v1/keys/vault-1/sign/digest", "dave",
                signBody("v-2", Fixtures.digest(random), "report-seal")), 202).get("id").asText();
        assertThat(json(call("GET", "/api/v1/approvals", "eve", null)).get("requests").findValuesAsText("id"))
                .contains(first, second);

        assertThat(ok(call("POST", "/api/v1/approvals/" + second + "/reject", "bob", null), 200).get("state").asText())
                .isEqualTo("rejected");
        problem(call("POST", "/api/v1/approvals/" + second + "/approve", "carol", null), 409, "CAIRN-SIGN-0014");

        CLOCK.advance(Duration.ofMinutes(31));
        problem(call("POST", "/api/v1/approvals/" + first + "/approve", "bob", null), 409, "CAIRN-SIGN-0014");
        JsonNode expired = ok(call("GET", "/api/v1/signing-requests/" + first, "dave", null), 200);
        assertThat(expired.get("state").asText()).isEqualTo("expired");
        assertThat(expired.has("signature")).isFalse();
        assertThat(json(call("GET", "/api/v1/approvals?state=expired", "alice", null)).get("requests")
                .findValuesAsText("id")).contains(first);
        assertThat(json(call("GET", "/api/v1/approvals", "alice", null)).get("requests").findValuesAsText("id"))
                .doesNotContain(first, second);
    }

    @Test
    void keysAreManagedByAdminsAndDestructionNeedsAnotherAdmin() throws Exception {
        createKey("ca-root", "secp256k1", "certificate-authority", null);
        JsonNode key = ok(call("GET", "/api/v1/keys/ca-root", "eve", null), 200);
        assertThat(key.get("ethereumAddress").asText()).matches("0x[0-9a-fA-F]{40}");
        assertThat(key.get("versions").get(0).get("protection").asText()).isEqualTo("software");
        problem(call("POST", "/api/v1/keys", "dave", "{\"alias\":\"x\",\"backend\":\"software\",\"curve\":\"p-256\","
                + "\"purpose\":\"report-seal\"}"), 403, "CAIRN-AUTH-0003");
        problem(call("POST", "/api/v1/keys/ca-root/rotate", "dave", null), 403, "CAIRN-AUTH-0003");
        problem(call("POST", "/api/v1/keys", "alice", "{\"alias\":\"hsm-1\",\"backend\":\"pkcs11\",\"curve\":\"p-256\","
                + "\"purpose\":\"report-seal\"}"), 503, "CAIRN-SIGN-0001");
        assertThat(ok(call("POST", "/api/v1/keys/ca-root/rotate", "alice", null), 200).get("currentVersion").asInt()).isEqualTo(2);
        assertThat(json(call("GET", "/api/v1/keys", "eve", null)).get("keys").findValuesAsText("alias")).contains("ca-root");

        JsonNode destroy = ok(call("POST", "/api/v1/keys/ca-root/destroy", "alice", "{\"idempotencyKey\":\"d-1\"}"), 202);
        String id = destroy.get("id").asText();
        problem(call("POST", "/api/v1/approvals/" + id + "/approve", "alice", null), 403, "CAIRN-SIGN-0013");
        problem(call("POST", "/api/v1/approvals/" + id + "/approve", "dave", null), 403, "CAIRN-SIGN-0013");
        assertThat(json(call("GET", "/api/v1/keys/ca-root", "eve", null)).get("state").asText()).isEqualTo("active");
        assertThat(ok(call("POST", "/api/v1/approvals/" + id + "/approve", "bob", null), 200).get("state").asText())
                .isEqualTo("completed");
        assertThat(json(call("GET", "/api/v1/keys/ca-root", "eve", null)).get("state").asText()).isEqualTo("destroyed");
        assertThat(JOURNAL.ofType("signing.key-destroyed").getLast().attributes()).containsEntry("approvers", "bob")
                .containsEntry("versions-destroyed", "2");
        problem(call("POST", "/api/v1/keys/ca-root/sign/digest", "dave",
                signBody("after", Fixtures.digest(random), "certificate-authority")), 409, "CAIRN-SIGN-0004");
    }

    @Test
    void nothingIsReleasedWhenTheJournalCannotRecord() throws Exception {
        createKey("seal-x", "p-256", "report-seal", null);
        String body = signBody("s-x", Fixtures.digest(random), "report-seal");
        JOURNAL.failing(true);
        HttpResponse<String> refused = call("POST", "/api/v1/keys/seal-x/sign/digest", "dave", body);
        problem(refused, 503, "CAIRN-SIGN-0015");
        assertThat(refused.body()).doesNotContain("\"signature\"");
        JOURNAL.failing(false);
        JsonNode signed = ok(call("POST", "/api/v1/keys/seal-x/sign/digest", "dave", body), 200);
        assertThat(signed.get("state").asText()).isEqualTo("signed");
    }

    @Test
    void rawDigestsAreNotLedgerTransactions() throws Exception {
        createKey("ledger-x", "secp256k1", "ledger-transaction", null);
        problem(call("POST", "/api/v1/keys/ledger-x/sign/digest", "dave",
                signBody("l-x", Fixtures.digest(random), "ledger-transaction")), 403, "CAIRN-SIGN-0010");
        problem(call("POST", "/api/v1/keys/ledger-x/sign/digest", "dave",
                signBody("l-y", "abcd", "report-seal")), 422, "CAIRN-SIGN-0007");
        problem(call("POST", "/api/v1/keys/ledger-x/sign/digest", "eve",
                signBody("l-z", Fixtures.digest(random), "report-seal")), 403, "CAIRN-AUTH-0003");
    }

    static String tx(String key, String chain, int nonce, String data, long value) {
        return "{\"idempotencyKey\":\"" + key + "\",\"transaction\":{\"chainId\":\"" + chain + "\",\"nonce\":\""
                + nonce + "\",\"to\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"value\":\"" + value
                + "\",\"data\":\"" + data + "\"}}";
    }

    @Test
    void aNonceIsSignedForOnePayloadOnlyAndPolicyChecksTheTransaction() throws Exception {
        createKey("hot-wallet", "secp256k1", "ledger-transaction", "{\"chainIds\":[\"1337\"],\"valueLimit\":\"1000\"}");
        String path = "/api/v1/keys/hot-wallet/sign/stand-in-transaction";
        JsonNode signed = ok(call("POST", path, "dave", tx("n0-a", "1337", 0, "0xaa", 5)), 200);
        assertThat(signed.get("signature").get("ledger").get("nonce").asText()).isEqualTo("0");
        assertThat(ok(call("POST", path, "dave", tx("n0-a", "1337", 0, "0xaa", 5)), 200).get("signature"))
                .isEqualTo(signed.get("signature"));
        problem(call("POST", path, "dave", tx("n0-b", "1337", 0, "0xbb", 5)), 409, "CAIRN-SIGN-0011");
        problem(call("POST", path, "alice", tx("n0-c", "1337", 0, "0xcc", 5)), 409, "CAIRN-SIGN-0011");
        ok(call("POST", path, "dave", tx("n1", "1337", 1, "0xbb", 5)), 200);
        problem(call("POST", path, "dave", tx("c1", "1", 2, "0xbb", 5)), 403, "CAIRN-SIGN-0010");
        problem(call("POST", path, "dave", tx("v1", "1337", 3, "0xbb", 1001)), 403, "CAIRN-SIGN-0010");
        assertThat(JOURNAL.events().get(signed.get("signature").get("journalLeafIndex").asInt()).attributes())
                .containsEntry("transaction.nonce", "0").containsEntry("transaction.chain-id", "1337")
                .containsEntry("format", "stand-in-transaction");
    }

    @Test
    void aPendingRequestHoldsItsNonceUntilItIsRejected() throws Exception {
        createKey("cold-wallet", "secp256k1", "ledger-transaction", "{\"requiredApprovals\":1}");
        String path = "/api/v1/keys/cold-wallet/sign/stand-in-transaction";
        String first = ok(call("POST", path, "dave", tx("cw-1", "1337", 7, "0x01", 1)), 202).get("id").asText();
        problem(call("POST", path, "dave", tx("cw-2", "1337", 7, "0x02", 1)), 409, "CAIRN-SIGN-0011");
        ok(call("POST", "/api/v1/approvals/" + first + "/reject", "bob", null), 200);
        String third = ok(call("POST", path, "dave", tx("cw-3", "1337", 7, "0x03", 1)), 202).get("id").asText();
        JsonNode signed = ok(call("POST", "/api/v1/approvals/" + third + "/approve", "carol", null), 200);
        assertThat(signed.get("state").asText()).isEqualTo("signed");
        assertThat(signed.get("signature").get("ledger").get("r").asText()).hasSize(64);
    }

    @Test
    void theOpenApiDescriptionNamesEveryOperationAndItsSchemas() {
        List<io.cairn.http.Endpoint> endpoints = service.apiServices().stream().flatMap(a -> a.endpoints().stream()).toList();
        Map<String, Object> doc = io.cairn.http.OpenApiDocument.of(endpoints, "test");
        assertThat(doc.toString()).contains("signDigest", "signStandInTransaction", "approveRequest", "getSigningRequest",
                "SigningKeyView", "SigningRequestView", "PolicyDocument");
        assertThat(endpoints).extracting(io.cairn.http.Endpoint::operationId).doesNotHaveDuplicates();
    }

    static String eth(String key, String type, int nonce, String value) {
        String fees = type.equals("legacy") ? "\"gasPrice\":\"1000000000\""
                : "\"maxPriorityFeePerGas\":\"1000000000\",\"maxFeePerGas\":\"0x77359400\"";
        return "{\"idempotencyKey\":\"" + key + "\",\"transaction\":{\"type\":\"" + type + "\",\"chainId\":1337,"
                + "\"nonce\":\"" + nonce + "\"," + fees + ",\"gasLimit\":\"21000\","
                + "\"to\":\"0x70997970C51812dc3A010C7d01b50e0d17dc79C8\",\"value\":\"" + value + "\"}}";
    }

    @Test
    void ethereumTransactionsAreSignedRecoverablyAndTheirNoncesGuarded() throws Exception {
        createKey("eth-ops", "secp256k1", "ledger-transaction", "{\"chainIds\":[\"1337\"]}");
        String address = json(call("GET", "/api/v1/keys/eth-ops", "eve", null)).get("ethereumAddress").asText();
        String path = "/api/v1/keys/eth-ops/sign/ethereum-transaction";
        for (String type : List.of("eip1559", "legacy")) {
            int nonce = type.equals("eip1559") ? 0 : 1;
            JsonNode ledger = ok(call("POST", path, "dave", eth("e-" + type, type, nonce, "1000")), 200)
                    .get("signature").get("ledger");
            assertThat(ledger.get("sender").asText()).isEqualTo(address);
            org.web3j.crypto.SignedRawTransaction decoded = (org.web3j.crypto.SignedRawTransaction)
                    org.web3j.crypto.TransactionDecoder.decode(ledger.get("raw").asText());
            assertThat(decoded.getFrom()).isEqualToIgnoringCase(address);
            assertThat(type.equals("legacy") ? decoded.getChainId()
                    : ((org.web3j.crypto.transaction.type.Transaction1559) decoded.getTransaction()).getChainId())
                    .isEqualTo(1337L);
            assertThat(decoded.getNonce()).isEqualTo(java.math.BigInteger.valueOf(nonce));
            assertThat(org.web3j.crypto.Hash.sha3(ledger.get("raw").asText())).isEqualTo(ledger.get("hash").asText());
            problem(call("POST", path, "dave", eth("e2-" + type, type, nonce, "2000")), 409, "CAIRN-SIGN-0011");
        }
        problem(call("POST", path, "dave", eth("e-bad", "eip1559", 5, "1").replace("1337", "1")), 403, "CAIRN-SIGN-0010");
    }
}
