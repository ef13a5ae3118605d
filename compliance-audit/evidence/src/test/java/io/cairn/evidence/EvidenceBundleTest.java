package io.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.SoftwareCheckpointSigner;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceBundleTest {
    @TempDir
    Path dir;

    private final EvidenceScenario scenario = EvidenceScenario.build(60, 7);

    @Test
    void aBundleOfARealTreeVerifiesAndSaysWhatWasChecked() throws IOException {
        Path bundle = Bundles.export(scenario.exporter(), scenario.scope(false), dir.resolve("b.zip"));
        VerificationReport report = BundleVerifier.verify(bundle, BundleVerifier.Options.offline());

        assertThat(report.failures()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.checks()).extracting(VerificationReport.Check::outcome)
                .containsOnly(VerificationReport.Outcome.PASSED, VerificationReport.Outcome.SKIPPED);
        assertThat(report.text()).contains("72 entries (72 in full, 0 as leaf hashes)")
                .contains("12 block(s) with 60 message digest(s)").contains("RESULT: VALID")
                .contains("NOT PINNED").contains(PublicKeys.fingerprint(scenario.journal.publicKey()));
        assertThat(report.checks()).filteredOn(c -> c.name().equals("Ledger anchors")).singleElement()
                .extracting(VerificationReport.Check::outcome).isEqualTo(VerificationReport.Outcome.SKIPPED);
    }

    @Test
    void onlyTheApplicationsEntriesAndTheBlockSealsAreExported() throws IOException {
        Map<String, byte[]> files = Bundles.read(Bundles.export(scenario.exporter(), scenario.scope(false),
                dir.resolve("b.zip")));
        String entries = new String(files.get(BundleLayout.ENTRIES), StandardCharsets.UTF_8);
        long otherApp = entries.lines().filter(l -> decoded(l).subject().equals("application:" + EvidenceScenario.OTHER_APP))
                .count();
        assertThat(otherApp).isZero();
        assertThat(entries.lines().count()).isEqualTo(60 + 12);
        assertThat(files.keySet()).startsWith(BundleLayout.BLOCKS, BundleLayout.CHECKPOINTS).endsWith(BundleLayout.KEYS,
                BundleLayout.MANIFEST);
    }

    @Test
    void aRedactedBundleGivesLeafHashesButKeepsTheBlockSealsAndVerifies() throws IOException {
        Path bundle = Bundles.export(scenario.exporter(), scenario.scope(true), dir.resolve("r.zip"));
        Map<String, byte[]> files = Bundles.read(bundle);
        List<String> lines = Bundles.lines(files.get(BundleLayout.ENTRIES));
        assertThat(lines).filteredOn(l -> l.contains("\"leafHash\"")).hasSize(60);
        assertThat(lines).filteredOn(l -> l.contains("\"entry\""))
                .allSatisfy(l -> assertThat(decoded(l).type()).isEqualTo(BundleLayout.BLOCK_SEALED)).hasSize(12);

        VerificationReport report = BundleVerifier.verify(bundle, BundleVerifier.Options.offline());
        assertThat(report.failures()).isEmpty();
        assertThat(report.text()).contains("72 entries (12 in full, 60 as leaf hashes)");
    }

    @Test
    void theSameScopeExportsByteIdenticalBundlesWithFixedZipTimes() throws IOException {
        Path first = Bundles.export(scenario.exporter(), scenario.scope(false), dir.resolve("1.zip"));
        Path second = Bundles.export(scenario.exporter(), scenario.scope(false), dir.resolve("2.zip"));
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        try (ZipFile zip = new ZipFile(first.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getTimeLocal)).containsOnly(BundleZip.FIXED_TIME);
            assertThat(zip.stream().map(ZipEntry::getName).toList()).isSorted();
        }
    }

    @Test
    void aPinnedKeyIsAcceptedAndAnyOtherKeyRefused() throws IOException {
        Path bundle = Bundles.export(scenario.exporter(), scenario.scope(false), dir.resolve("b.zip"));
        byte[] right = scenario.journal.publicKey();
        byte[] wrong = SoftwareCheckpointSigner.generate("other").sign(new byte[0]).publicKey();

        VerificationReport pinned = BundleVerifier.verify(bundle, new BundleVerifier.Options(Map.of(), List.of(right)));
        assertThat(pinned.valid()).isTrue();
        assertThat(pinned.notes()).isEmpty();

        VerificationReport refused = BundleVerifier.verify(bundle, new BundleVerifier.Options(Map.of(), List.of(wrong)));
        assertThat(refused.valid()).isFalse();
        assertThat(refused.failures()).first().satisfies(f -> {
            assertThat(f.file()).isEqualTo(BundleLayout.CHECKPOINTS);
            assertThat(f.problem()).contains("not one of the trusted keys");
        });
    }

    @Test
    void aScopeOverTheEntryLimitIsRefusedBeforeAnythingIsWritten() {
        EvidenceExporter small = new EvidenceExporter(scenario.journal, scenario.blocks, new EvidenceSettings(50));
        assertThatThrownBy(() -> small.plan(scenario.scope(false)))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.EVIDENCE_SCOPE_TOO_LARGE))
                .hasMessageContaining("evidence.max-entries");
        assertThat(new EvidenceExporter(scenario.journal, scenario.blocks, new EvidenceSettings(72))
                .plan(scenario.scope(false)).entryCount()).isEqualTo(72);
    }

    @Test
    void blocksSealedAfterTheNewestCheckpointAreRefusedUntilTheNextCheckpoint() {
        Instant later = scenario.end.plusSeconds(5);
        BlockRecord block = scenario.blocks.seal(EvidenceScenario.APP, List.of(new byte[32]), later);
        scenario.journal.append(AuditEvent.of(BundleLayout.BLOCK_SEALED, "system:blocks", "application:payments", later)
                .withPayloadSha256(block.blockHash()), later);
        EvidenceScope scope = new EvidenceScope(EvidenceScenario.APP, EvidenceScenario.START, later.plusSeconds(1), false);

        assertThatThrownBy(() -> scenario.exporter().plan(scope)).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.EVIDENCE_NOT_CHECKPOINTED))
                .hasMessageContaining("block " + block.seq());
        scenario.journal.checkpoint(later.plusSeconds(1));
        assertThat(scenario.exporter().plan(scope).blockCount()).isEqualTo(13);
    }

    @Test
    void aPartialWindowHoldsItsOwnBlocksAndTheirSeals() throws IOException {
        Instant from = EvidenceScenario.START.plus(scenario.length().dividedBy(2));
        EvidenceScope half = new EvidenceScope(EvidenceScenario.APP, from, scenario.end, false);
        Path bundle = Bundles.export(scenario.exporter(), half, dir.resolve("half.zip"));
        VerificationReport report = BundleVerifier.verify(bundle, BundleVerifier.Options.offline());
        assertThat(report.failures()).isEmpty();
        long blocks = scenario.sealed.stream().filter(b -> half.covers(b.createdAt())).count();
        assertThat(blocks).isBetween(1L, 11L);
        assertThat(report.text()).contains(blocks + " block(s)");
    }

    @Test
    void anEmptyScopeStillGivesAVerifiableBundle() throws IOException {
        EvidenceScope before = new EvidenceScope(EvidenceScenario.APP, Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-01-02T00:00:00Z"), false);
        Path bundle = Bundles.export(scenario.exporter(), before, dir.resolve("empty.zip"));
        VerificationReport report = BundleVerifier.verify(bundle, BundleVerifier.Options.offline());
        assertThat(report.valid()).isTrue();
        assertThat(report.text()).contains("0 entries").contains("0 block(s)");
    }

    @Test
    void scopesAreValidated() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> new EvidenceScope("Bad App", t, t.plusSeconds(1), false))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.API_INVALID_PARAMETER));
        assertThatThrownBy(() -> new EvidenceScope("app", t, t, false)).isInstanceOf(CairnException.class);
    }

    private static AuditEvent decoded(String line) {
        try {
            String entry = BundleLayout.JSON.readTree(line).path("entry").asText();
            return io.cairn.audit.spi.CanonicalEntry.decode(java.util.Base64.getDecoder().decode(entry));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
