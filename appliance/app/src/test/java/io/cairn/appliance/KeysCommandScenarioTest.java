package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.appliance.cli.Main;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.http.Json;
import io.cairn.kernel.config.CairnConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import picocli.CommandLine;

/** {@code cairn keys ...} and {@code cairn approvals ...} against a running appliance (real server, real PostgreSQL). */
@Tag("integration")
class KeysCommandScenarioTest {
    static final String ADMIN = "cairn_keys-cli-bootstrap-token-0123456789abcdefghijklm";

    @TempDir
    static Path dir;
    static Appliance appliance;
    static String approverToken;
    final Random random = new Random(0xc11L);

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(out);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }
    }

    @BeforeAll
    static void start() {
        CairnConfig config = ApplianceConfig.load(java.util.Optional.empty(), Map.of(), Map.of(
                "data-directory", dir.toString(), "server.port", "0", "server.plaintext-http", "true",
                "security.bootstrap.token", ADMIN, "logging.format", "text")).configOrThrow();
        appliance = Appliance.start(config);
        Http http = new Http(appliance.baseUri());
        assertThat(http.post("/api/v1/users", ADMIN, Map.of("username", "approver", "displayName", "Second admin",
                "roles", List.of("consortium-admin"))).status()).isEqualTo(201);
        approverToken = http.post("/api/v1/users/approver/tokens", ADMIN, Map.of("name", "cli")).body().get("token").asText();
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    static Run cairn(String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", appliance.baseUri(), "--token", token));
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    static JsonNode ok(String token, String... args) {
        Run run = cairn(token, args);
        assertThat(run.exit()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run.json();
    }

    static byte[] spki(JsonNode key) {
        Curve curve = Curve.fromLabel(key.get("curve").asText()).orElseThrow();
        String raw = key.get("versions").get(key.get("currentVersion").asInt() - 1).get("publicKey").asText();
        return new EncodedPublicKey(curve, HexFormat.of().parseHex(raw)).subjectPublicKeyInfo();
    }

    static boolean verifies(String algorithm, byte[] spki, byte[] data, String hexSignature) throws Exception {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(KeyFactory.getInstance(algorithm.endsWith("ECDSA") ? "EC" : "Ed25519")
                .generatePublic(new X509EncodedKeySpec(spki)));
        verifier.update(data);
        return verifier.verify(HexFormat.of().parseHex(hexSignature));
    }

    /** web3j's form of a {@code 0x} {@code r || s || v} signature. */
    static Sign.SignatureData signatureData(String hex) {
        byte[] rsv = HexFormat.of().parseHex(hex.substring(2));
        return new Sign.SignatureData(rsv[64], java.util.Arrays.copyOfRange(rsv, 0, 32),
                java.util.Arrays.copyOfRange(rsv, 32, 64));
    }

    @Test
    void keysAreCreatedListedAndSignInEveryFormat() throws Exception {
        JsonNode fabricKey = ok(ADMIN, "keys", "create", "cli-fabric", "--backend", "software", "--curve", "p-256",
                "--purpose", "ledger-transaction");
        assertThat(ok(ADMIN, "keys", "list").get("keys").findValuesAsText("alias")).contains("cli-fabric");
        assertThat(ok(ADMIN, "keys", "show", "cli-fabric").get("curve").asText()).isEqualTo("p-256");

        byte[] proposal = new byte[700];
        random.nextBytes(proposal);
        Path payload = Files.write(dir.resolve("proposal.bin"), proposal);
        JsonNode fabric = ok(ADMIN, "keys", "sign-fabric", "cli-fabric", "--payload-file", payload.toString())
                .get("signature").get("ledger");
        assertThat(verifies("SHA256withECDSA", spki(fabricKey), proposal, fabric.get("signature").asText())).isTrue();

        JsonNode cordaKey = ok(ADMIN, "keys", "create", "cli-corda", "--backend", "software", "--curve", "ed25519",
                "--purpose", "ledger-transaction");
        byte[] id = new byte[32];
        random.nextBytes(id);
        JsonNode corda = ok(ADMIN, "keys", "sign-corda", "cli-corda", "--transaction-id", HexFormat.of().formatHex(id),
                "--platform-version", "12").get("signature").get("ledger");
        assertThat(verifies("Ed25519", spki(cordaKey), id, corda.get("signature").asText())).isTrue();
        assertThat(corda.get("scheme").asText()).isEqualTo("EDDSA_ED25519_SHA512");

        String address = ok(ADMIN, "keys", "create", "cli-eth", "--backend", "software", "--curve", "secp256k1",
                "--purpose", "ledger-transaction").get("ethereumAddress").asText();
        JsonNode message = ok(ADMIN, "keys", "sign-ethereum-message", "cli-eth", "--message", "hello cairn")
                .get("signature").get("ledger");
        BigInteger recovered = Sign.signedPrefixedMessageToKey("hello cairn".getBytes(StandardCharsets.UTF_8),
                signatureData(message.get("signature").asText()));
        assertThat(Keys.toChecksumAddress(Keys.getAddress(recovered))).isEqualTo(address);

        Path tx = Files.writeString(dir.resolve("tx.json"), "{\"type\":\"eip1559\",\"chainId\":1337,\"nonce\":\"0\","
                + "\"maxPriorityFeePerGas\":\"1\",\"maxFeePerGas\":\"1000000000\",\"gasLimit\":\"21000\","
                + "\"to\":\"0x70997970C51812dc3A010C7d01b50e0d17dc79C8\",\"value\":\"5\"}");
        JsonNode signedTx = ok(ADMIN, "keys", "sign-ethereum-transaction", "cli-eth", "--file", tx.toString())
                .get("signature").get("ledger");
        assertThat(signedTx.get("sender").asText()).isEqualTo(address);
        assertThat(signedTx.get("raw").asText()).startsWith("0x02");

        String approval = "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},"
                + "{\"name\":\"chainId\",\"type\":\"uint256\"}],\"Approval\":[{\"name\":\"member\",\"type\":\"string\"},"
                + "{\"name\":\"amount\",\"type\":\"uint256\"}]},\"primaryType\":\"Approval\","
                + "\"domain\":{\"name\":\"Cairn\",\"chainId\":1337},\"message\":{\"member\":\"Bank A\",\"amount\":5}}";
        Path typed = Files.writeString(dir.resolve("approval.json"), approval);
        JsonNode typedAnswer = ok(ADMIN, "keys", "sign-ethereum-typed-data", "cli-eth", "--file", typed.toString())
                .get("signature").get("ledger");
        byte[] hash = new org.web3j.crypto.StructuredDataEncoder(approval).hashStructuredData();
        assertThat(typedAnswer.get("digest").asText()).isEqualTo("0x" + HexFormat.of().formatHex(hash));
        assertThat(Keys.toChecksumAddress(Keys.getAddress(Sign.signedMessageHashToKey(hash,
                signatureData(typedAnswer.get("signature").asText()))))).isEqualTo(address);

        Run wrongCurve = cairn(ADMIN, "keys", "sign-fabric", "cli-eth", "--payload-file", payload.toString());
        assertThat(wrongCurve.exit()).isEqualTo(1);
        assertThat(wrongCurve.err()).contains("CAIRN-SIGN-0007");
    }

    @Test
    void dualControlRequestsAreApprovedRejectedAndRetriedWithTheirIdempotencyKey() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"requiredApprovals\":1}");
        JsonNode sealKey = ok(ADMIN, "keys", "create", "cli-seal", "--backend", "software", "--curve", "p-256",
                "--purpose", "report-seal", "--policy-file", policy.toString());
        String digest = "cd".repeat(32);
        Run pending = cairn(ADMIN, "keys", "sign-digest", "cli-seal", "--digest", digest, "--purpose", "report-seal");
        assertThat(pending.exit()).as(pending.err()).isZero();
        assertThat(pending.json().get("state").asText()).isEqualTo("pending");
        String generated = pending.err().replaceAll("(?s).*idempotency key: (\\S+).*", "$1");
        assertThat(generated).startsWith("cli-");
        String id = pending.json().get("id").asText();
        assertThat(ok(ADMIN, "approvals", "list").get("requests").findValuesAsText("id")).contains(id);

        Run own = cairn(ADMIN, "approvals", "approve", id);
        assertThat(own.exit()).isEqualTo(1);
        assertThat(own.err()).contains("CAIRN-SIGN-0013");
        JsonNode signed = ok(approverToken, "approvals", "approve", id);
        assertThat(signed.get("state").asText()).isEqualTo("signed");
        assertThat(verifies("NONEwithECDSA", spki(sealKey), HexFormat.of().parseHex(digest),
                signed.get("signature").get("der").asText())).as("ECDSA over the digest itself").isTrue();
        assertThat(ok(ADMIN, "keys", "request", id).get("signature")).isEqualTo(signed.get("signature"));
        JsonNode retried = ok(ADMIN, "keys", "sign-digest", "cli-seal", "--digest", digest, "--purpose", "report-seal",
                "--idempotency-key", generated);
        assertThat(retried.get("id").asText()).isEqualTo(id);

        assertThat(ok(ADMIN, "keys", "rotate", "cli-seal").get("currentVersion").asInt()).isEqualTo(2);
        JsonNode destroy = ok(ADMIN, "keys", "destroy", "cli-seal", "--idempotency-key", "destroy-seal-1");
        assertThat(destroy.get("state").asText()).isEqualTo("pending");
        assertThat(ok(approverToken, "approvals", "reject", destroy.get("id").asText()).get("state").asText())
                .isEqualTo("rejected");
        assertThat(ok(ADMIN, "approvals", "list", "--state", "rejected").get("requests").findValuesAsText("id"))
                .contains(destroy.get("id").asText());
        assertThat(ok(ADMIN, "keys", "disable", "cli-seal").get("state").asText()).isEqualTo("disabled");
    }
}
