package io.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    static Path dir;
    static EvidenceScenario scenario;
    static Path bundle;

    @BeforeAll
    static void export() throws IOException {
        scenario = EvidenceScenario.build(20, 3);
        bundle = Bundles.export(scenario.exporter(), scenario.scope(false), dir.resolve("bundle.zip"));
    }

    @Test
    void aValidBundleExitsZeroWithAReadableReport() {
        Bundles.Run run = Bundles.audit("verify", bundle.toString());
        assertThat(run.status()).isEqualTo(AuditCommand.EXIT_VALID);
        assertThat(run.out()).contains("Cairn evidence bundle bundle.zip").contains("application payments")
                .contains("[ok]      Manifest").contains("[ok]      Checkpoint keys and signatures")
                .contains("[ok]      Journal entries and inclusion proofs: 24 entries")
                .contains("[skipped] Ledger anchors").contains("NOT PINNED").contains("RESULT: VALID");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aPinnedKeyFileInPemIsAccepted() throws IOException {
        Path pem = Files.writeString(dir.resolve("key.pem"), PublicKeys.pem(scenario.journal.publicKey()));
        Bundles.Run run = Bundles.audit("verify", bundle.toString(), "--trusted-key", pem.toString());
        assertThat(run.status()).isEqualTo(AuditCommand.EXIT_VALID);
        assertThat(run.out()).doesNotContain("NOT PINNED").contains("among the 1 trusted key(s)");
        Path der = Files.write(dir.resolve("key.der"), scenario.journal.publicKey());
        assertThat(Bundles.audit("verify", bundle.toString(), "--trusted-key", der.toString()).status())
                .isEqualTo(AuditCommand.EXIT_VALID);
    }

    @Test
    void aTamperedBundleExitsOneAndNamesTheFileAndItem() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(Bundles.read(bundle));
        List<String> blocks = Bundles.lines(files.get(BundleLayout.BLOCKS));
        blocks.set(1, blocks.get(1).replace("\"entries\":5", "\"entries\":4"));
        files.put(BundleLayout.BLOCKS, Bundles.joined(blocks));
        Path tampered = Bundles.write(files, dir.resolve("tampered.zip"));

        Bundles.Run run = Bundles.audit("verify", tampered.toString());
        assertThat(run.status()).isEqualTo(AuditCommand.EXIT_INVALID);
        assertThat(run.out()).contains("[FAILED]  Manifest").contains("FAIL blocks/blocks.jsonl | whole file | content"
                + " differs from the manifest").contains("FAIL blocks/blocks.jsonl | block 1 (line 2) | says 4 entries")
                .contains("RESULT: INVALID");
    }

    @Test
    void theJsonReportCarriesTheSameFacts() throws IOException {
        Bundles.Run run = Bundles.audit("verify", "--json", bundle.toString());
        assertThat(run.status()).isEqualTo(AuditCommand.EXIT_VALID);
        JsonNode report = BundleLayout.JSON.readTree(run.out());
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("failureCount").asLong()).isZero();
        assertThat(report.get("checks")).hasSize(6);
    }

    @Test
    void unreadableBundlesAndBadArgumentsExitTwo() throws IOException {
        Path notZip = Files.writeString(dir.resolve("not.zip"), "hello");
        Bundles.Run run = Bundles.audit("verify", notZip.toString());
        assertThat(run.status()).isEqualTo(AuditCommand.EXIT_UNREADABLE);
        assertThat(run.err()).startsWith("UNREADABLE:").contains("CAIRN-EVIDENCE-0003");

        Path noManifest = Bundles.write(Map.of("a.txt", "x".getBytes(StandardCharsets.UTF_8)), dir.resolve("nm.zip"));
        assertThat(Bundles.audit("verify", noManifest.toString()).err()).contains("no manifest.json");
        assertThat(Bundles.audit("verify", dir.resolve("missing.zip").toString()).status())
                .isEqualTo(AuditCommand.EXIT_UNREADABLE);
        assertThat(Bundles.audit("verify", bundle.toString(), "--ledger-rpc", "besu=ftp://x").status())
                .isEqualTo(AuditCommand.EXIT_UNREADABLE);
        assertThat(Bundles.audit("verify", bundle.toString(), "--trusted-key", dir.resolve("none.pem").toString())
                .status()).isEqualTo(AuditCommand.EXIT_UNREADABLE);
        assertThat(Bundles.audit("verify").status()).isEqualTo(AuditCommand.EXIT_UNREADABLE);
        assertThat(Bundles.audit().status()).isEqualTo(AuditCommand.EXIT_UNREADABLE);
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(Bundles.audit("--help").out()).contains("verify");
        assertThat(Bundles.audit("verify", "--help").out()).contains("--ledger-rpc").contains("--trusted-key")
                .contains("Exit codes");
    }
}
