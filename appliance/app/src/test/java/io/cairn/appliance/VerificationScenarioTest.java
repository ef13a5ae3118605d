package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.appliance.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import picocli.CommandLine;

/**
 * The application layer through a running appliance: a founding member's system sends messages signed at the
 * source, the appliance seals them into verification blocks, and an auditor exports an evidence bundle that
 * {@code cairn audit verify} accepts offline, and refuses once one byte of it is changed.
 */
@Tag("integration")
class VerificationScenarioTest {
    static final String ADMIN = "cairn_blocks-bootstrap-token-0123456789abcdefghijklmnop";
    static final String LEI = "506700GE1G29325QX363";
    static final String APP = "trade-finance";

    @TempDir
    static Path dir;
    static Appliance appliance;
    static Http http;
    static ECKeyPair sender;

    @BeforeAll
    static void start() throws Exception {
        appliance = Appliance.start(ApplianceConfig.load(java.util.Optional.empty(), Map.of(), Map.of(
                "data-directory", dir.resolve("data").toString(), "server.port", "0", "server.plaintext-http", "true",
                "security.bootstrap.token", ADMIN, "journal.checkpoint.interval", "1s", "logging.format", "text"))
                .configOrThrow());
        http = new Http(appliance.baseUri());
        sender = Keys.createEcKeyPair();
        MemberMessages.foundingMember(http, ADMIN, LEI, sender);
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    @Test
    void signedMessagesAreSealedIntoBlocksAndExportedAsEvidenceThatVerifiesOffline() throws Exception {
        Instant from = Instant.now().minusSeconds(60);
        assertThat(http.post("/api/v1/applications", ADMIN, Map.of("id", APP, "name", "Trade finance",
                "messageSchema", Map.of("type", "object", "required", List.of("amount"),
                        "properties", Map.of("amount", Map.of("type", "integer"))),
                "blockInterval", "PT1S", "maxBlockSize", 3, "personalData", true)).status()).isEqualTo(201);
        String member = MemberMessages.memberToken(http, ADMIN, "bank-a-system");
        for (int i = 0; i < 5; i++) {
            Http.Answer accepted = http.post("/api/v1/applications/" + APP + "/messages", member,
                    MemberMessages.message(sender, LEI, "m-" + i, "{\"amount\":" + (100 + i) + "}"));
            assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(201);
        }
        Http.Answer refused = http.post("/api/v1/applications/" + APP + "/messages", member,
                MemberMessages.message(sender, LEI, "m-bad", "{\"amount\":\"lots\"}"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("CAIRN-JOURNAL-0106");

        assertThat(Waiting.until(Duration.ofSeconds(30), () -> http.get("/api/v1/applications/" + APP
                + "/messages/m-4/proof", ADMIN).status() == 200)).as("every message sealed into a block").isTrue();
        JsonNode blocks = http.get("/api/v1/applications/" + APP + "/blocks", ADMIN).body().get("blocks");
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(1).get("prevBlockHash").asText()).isEqualTo(blocks.get(0).get("blockHash").asText());

        Path bundle = dir.resolve("evidence.zip");
        assertThat(Waiting.until(Duration.ofSeconds(30), () -> export(from, bundle) == 200))
                .as("an export once a checkpoint covers the blocks").isTrue();
        assertThat(verify(bundle)).isZero();

        byte[] bytes = Files.readAllBytes(bundle);
        Path tampered = dir.resolve("tampered.zip");
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(tampered, bytes);
        assertThat(verify(tampered)).as("a changed byte is found").isNotZero();
    }



    private static int export(Instant from, Path target) {
        try {
            HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            appliance.baseUri() + "/api/v1/evidence?app=" + APP + "&from=" + from + "&to="
                                    + Instant.now().plusSeconds(60))).header("Authorization", "Bearer " + ADMIN).build(),
                    HttpResponse.BodyHandlers.ofFile(target));
            return response.statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int verify(Path bundle) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute("audit", "verify", bundle.toString());
        System.out.println(out);
        return exit;
    }
}
