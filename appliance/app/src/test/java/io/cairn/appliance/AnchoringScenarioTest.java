package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.appliance.cli.Main;
import io.cairn.connector.evm.AnchorContractDeployer;
import io.cairn.connector.evm.AnvilNode;
import io.cairn.connector.evm.EvmLedgerConfig;
import io.cairn.connector.evm.SoftwareKeySigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import picocli.CommandLine;

/**
 * End to end on two real EVM nodes (anvil, chain ids 31337 and 31338): an application anchored to both ledgers;
 * signed messages become verification blocks; the appliance anchors every block on both chains with a
 * signing-service key, follows them to finality, and the exported evidence bundle verifies offline and, with
 * {@code --ledger-rpc}, against both chains.
 */
@Tag("integration")
class AnchoringScenarioTest {
    static final String ADMIN = "cairn_anchors-bootstrap-token-0123456789abcdefghijklmno";
    static final String LEI = "506700GE1G29325QX363";
    static final String APP = "payments";

    @TempDir
    static Path dir;
    static final List<AnvilNode> NODES = new ArrayList<>();
    static Appliance appliance;
    static Http http;
    static ECKeyPair sender;

    @BeforeAll
    static void start() throws Exception {
        NODES.add(AnvilNode.start(31337));
        NODES.add(AnvilNode.start(31338));
        appliance = Appliance.start(ApplianceConfig.load(java.util.Optional.empty(), Map.of(), Map.of(
                "data-directory", dir.resolve("data").toString(), "server.port", "0", "server.plaintext-http", "true",
                "security.bootstrap.token", ADMIN, "journal.checkpoint.interval", "1s", "anchoring.interval", "1s",
                "logging.format", "text")).configOrThrow());
        http = new Http(appliance.baseUri());
        sender = Keys.createEcKeyPair();
        MemberMessages.foundingMember(http, ADMIN, LEI, sender);
    }

    @AfterAll
    static void stop() {
        if (appliance != null) {
            appliance.close();
        }
        NODES.forEach(AnvilNode::close);
    }

    @Test
    void blocksAreAnchoredOnBothChainsAndTheBundleVerifiesAgainstThem() throws Exception {
        Instant from = Instant.now().minusSeconds(60);
        Http.Answer key = http.post("/api/v1/keys", ADMIN, Map.of("alias", "anchor-key", "backend", "software",
                "curve", "secp256k1", "purpose", "ledger-transaction"));
        assertThat(key.status()).as(key.raw().body()).isEqualTo(201);
        String address = key.body().get("ethereumAddress").asText();
        SoftwareKeySigner deployer = new SoftwareKeySigner().withHex("deployer", SoftwareKeySigner.ANVIL_DEV_KEY_0);
        List<String> rpc = new ArrayList<>();
        for (AnvilNode node : NODES) {
            node.call("anvil_setBalance", address, "0x56BC75E2D63100000");
            String contract = AnchorContractDeployer.deploy(EvmLedgerConfig.builder().ledgerId("deploy")
                    .rpcUrl(node.url()).chainId(node.chainId()).keyAlias("deployer")
                    .receiptPollInterval(Duration.ofMillis(20)), deployer).contractAddress();
            String name = "chain-" + node.chainId();
            Http.Answer ledger = http.post("/api/v1/ledgers", ADMIN, Map.of("name", name, "type", "evm",
                    "endpoints", List.of(node.url().toString()), "chainId", node.chainId(), "keyAlias", "anchor-key",
                    "contractAddress", contract, "finality", "instant"));
            assertThat(ledger.status()).as(ledger.raw().body()).isEqualTo(201);
            rpc.add("--ledger-rpc=" + name + "=" + node.url());
        }
        assertThat(http.post("/api/v1/applications", ADMIN, Map.of("id", APP, "name", "Payments",
                "messageSchema", Map.of("type", "object"), "ledgers", List.of("chain-31337", "chain-31338"),
                "blockInterval", "PT1S", "maxBlockSize", 2)).status()).isEqualTo(201);
        String member = MemberMessages.memberToken(http, ADMIN, "bank-a-payments");
        for (int i = 0; i < 4; i++) {
            assertThat(http.post("/api/v1/applications/" + APP + "/messages", member,
                    MemberMessages.message(sender, LEI, "p-" + i, "{\"n\":" + i + "}")).status()).isEqualTo(201);
        }

        if (!Waiting.until(Duration.ofSeconds(90), AnchoringScenarioTest::allFinal)) {
            throw new AssertionError("blocks not final on both chains after 90 s\nblocks: "
                    + http.get("/api/v1/applications/" + APP + "/blocks", ADMIN).raw().body() + "\nledgers: "
                    + http.get("/api/v1/ledgers", ADMIN).raw().body() + "\nblock 0: "
                    + http.get("/api/v1/applications/" + APP + "/blocks/0", ADMIN).raw().body() + "\nmetrics:\n"
                    + http.get("/metrics", null).raw().body().lines().filter(l -> l.contains("anchor"))
                    .collect(java.util.stream.Collectors.joining("\n")));
        }
        JsonNode blocks = http.get("/api/v1/applications/" + APP + "/blocks", ADMIN).body().get("blocks");
        for (JsonNode block : blocks) {
            JsonNode anchors = http.get("/api/v1/applications/" + APP + "/blocks/" + block.get("seq").asLong(), ADMIN)
                    .body().get("anchors");
            assertThat(anchors).hasSize(2).allSatisfy(a -> assertThat(a.get("state").asText()).isEqualTo("final"));
        }
        assertThat(http.get("/api/v1/keys", ADMIN).raw().body()).contains("anchor-key");

        Path bundle = dir.resolve("anchored.zip");
        assertThat(Waiting.until(Duration.ofSeconds(30), () -> export(from, bundle) == 200)).isTrue();
        List<String> args = new ArrayList<>(List.of("audit", "verify", bundle.toString()));
        args.addAll(rpc);
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute(args.toArray(String[]::new));
        System.out.println(out);
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Ledger anchors");
    }

    private static boolean allFinal() {
        JsonNode blocks = http.get("/api/v1/applications/" + APP + "/blocks", ADMIN).body().path("blocks");
        if (blocks.size() < 2) {
            return false;
        }
        for (JsonNode block : blocks) {
            if (!"final".equals(block.path("status").asText())) {
                return false;
            }
        }
        return true;
    }



    private static int export(Instant from, Path target) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(appliance.baseUri()
                            + "/api/v1/evidence?app=" + APP + "&from=" + from + "&to=" + Instant.now().plusSeconds(60)))
                    .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofFile(target))
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
