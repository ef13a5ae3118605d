package io.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random tampering (replay with {@code -Dcairn.test.seed=N}): one flipped byte in any file of a bundle
 * must be rejected with that file named; and a forger who also rewrites the manifest's hashes must still be
 * rejected, with the tampered item named, whatever value was changed.
 */
class ByteFlipTest {
    static final long SEED = Long.getLong("cairn.test.seed", System.nanoTime());
    private static final int FLIPS_PER_FILE = 30;
    private static final int FORGERIES_PER_KIND = 20;

    @TempDir
    static Path dir;
    static Map<String, byte[]> full;
    static Map<String, byte[]> redacted;

    private final SplittableRandom random = new SplittableRandom(SEED);

    @BeforeAll
    static void export() throws IOException {
        EvidenceScenario scenario = EvidenceScenario.build(40, 11);
        // a window ending at the second checkpoint: the bundle holds three checkpoints and two consistency proofs
        Instant to = scenario.journal.checkpoints().get(1).timestamp();
        full = Bundles.read(Bundles.export(scenario.exporter(),
                new EvidenceScope(EvidenceScenario.APP, EvidenceScenario.START, to, false), dir.resolve("full.zip")));
        redacted = Bundles.read(Bundles.export(scenario.exporter(),
                new EvidenceScope(EvidenceScenario.APP, EvidenceScenario.START, to, true), dir.resolve("redacted.zip")));
        assertThat(full.keySet().stream().filter(n -> n.startsWith(BundleLayout.CONSISTENCY_PREFIX))).hasSizeGreaterThan(1);
    }

    @Test
    void aFlippedByteAnywhereInAnyFileIsRejectedAndTheFileNamed() throws IOException {
        for (String name : full.keySet()) {
            byte[] original = full.get(name);
            List<Integer> positions = new ArrayList<>(List.of(0, original.length - 1));
            while (positions.size() < FLIPS_PER_FILE) {
                positions.add(random.nextInt(original.length));
            }
            for (int position : positions) {
                if (name.equals(BundleLayout.MANIFEST) && inScopeTimes(original, position)) {
                    continue;
                }
                Map<String, byte[]> tampered = new LinkedHashMap<>(full);
                byte[] changed = original.clone();
                changed[position] ^= (byte) (1 + random.nextInt(255));
                tampered.put(name, changed);
                expectRejected(tampered, name.equals(BundleLayout.MANIFEST) ? Set.of() : Set.of(name), "",
                        "byte " + position + " of " + name);
            }
        }
    }

    @Test
    void forgedValuesAreRejectedEvenWithARehashedManifestAndTheItemNamed() throws IOException {
        List<Forgery> kinds = List.of(
                new Forgery("entry bytes", full, this::forgeEntry),
                new Forgery("redacted leaf hash", redacted, this::forgeRedactedEntry),
                new Forgery("inclusion proof", full, this::forgeInclusionProof),
                new Forgery("checkpoint", full, this::forgeCheckpoint),
                new Forgery("checkpoint key", full, this::forgeKey),
                new Forgery("consistency proof", full, this::forgeConsistencyProof),
                new Forgery("block", full, this::forgeBlock),
                new Forgery("manifest", redacted, this::forgeManifest));
        for (Forgery kind : kinds) {
            for (int i = 0; i < FORGERIES_PER_KIND; i++) {
                Map<String, byte[]> tampered = new LinkedHashMap<>(kind.bundle());
                Expected expected = kind.forge().apply(tampered, random);
                tampered.put(BundleLayout.MANIFEST, Bundles.rehashedManifest(tampered));
                expectRejected(tampered, expected.files(), expected.token(), kind.name() + ": " + expected.what());
            }
        }
    }

    @Test
    void theUntouchedBundlesVerify() throws IOException {
        for (Map<String, byte[]> bundle : List.of(full, redacted)) {
            VerificationReport report = BundleVerifier.verify(Bundles.write(bundle, dir.resolve("same.zip")),
                    BundleVerifier.Options.offline());
            assertThat(report.failures()).isEmpty();
        }
    }

    private void expectRejected(Map<String, byte[]> files, Set<String> namedFiles, String token, String what)
            throws IOException {
        Path bundle = Bundles.write(files, dir.resolve("tampered.zip"));
        String replay = what + " (replay with -Dcairn.test.seed=" + SEED + ")";
        VerificationReport report;
        try {
            report = BundleVerifier.verify(bundle, BundleVerifier.Options.offline());
        } catch (CairnException e) {
            assertThat(e.error()).as(replay).isEqualTo(ErrorCode.EVIDENCE_BUNDLE_UNREADABLE);
            return;
        }
        assertThat(report.valid()).as(replay).isFalse();
        if (!namedFiles.isEmpty()) {
            assertThat(report.failures()).as(replay + "\n" + report.text())
                    .anySatisfy(f -> {
                        assertThat(namedFiles).contains(f.file());
                        assertThat(f.item() + " " + f.problem()).contains(token);
                    });
        }
    }

    /** Whether a manifest byte lies in the scope's from/to values, which no signature covers (see the format). */
    private static boolean inScopeTimes(byte[] manifest, int position) {
        String text = new String(manifest, StandardCharsets.UTF_8);
        for (String field : List.of("\"from\":\"", "\"to\":\"")) {
            int start = text.indexOf(field) + field.length();
            int end = text.indexOf('"', start);
            if (position >= start - 1 && position <= end) {
                return true;
            }
        }
        return false;
    }

    private Expected forgeEntry(Map<String, byte[]> files, SplittableRandom r) {
        List<String> lines = Bundles.lines(files.get(BundleLayout.ENTRIES));
        int line = r.nextInt(lines.size());
        ObjectNode json = object(lines.get(line));
        if (r.nextInt(4) == 0) {
            json.put("leafIndex", json.get("leafIndex").asLong() + 1 + r.nextInt(3));
        } else {
            json.put("entry", flipBit(Base64.getDecoder().decode(json.get("entry").asText()), r));
        }
        lines.set(line, json.toString());
        files.put(BundleLayout.ENTRIES, Bundles.joined(lines));
        return new Expected(Set.of(BundleLayout.ENTRIES, BundleLayout.INCLUSION_PROOFS), "line " + (line + 1),
                "line " + (line + 1));
    }

    private Expected forgeRedactedEntry(Map<String, byte[]> files, SplittableRandom r) {
        List<String> lines = Bundles.lines(files.get(BundleLayout.ENTRIES));
        List<Integer> hashed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"leafHash\"")) {
                hashed.add(i);
            }
        }
        int line = hashed.get(r.nextInt(hashed.size()));
        ObjectNode json = object(lines.get(line));
        json.put("leafHash", flipBit(Base64.getDecoder().decode(json.get("leafHash").asText()), r));
        lines.set(line, json.toString());
        files.put(BundleLayout.ENTRIES, Bundles.joined(lines));
        return new Expected(Set.of(BundleLayout.INCLUSION_PROOFS), "line " + (line + 1), "line " + (line + 1));
    }

    private Expected forgeInclusionProof(Map<String, byte[]> files, SplittableRandom r) {
        List<String> lines = Bundles.lines(files.get(BundleLayout.INCLUSION_PROOFS));
        int line = r.nextInt(lines.size());
        ObjectNode json = object(lines.get(line));
        String field = List.of("root", "leafHash", "proof", "treeSize", "leafIdx").get(r.nextInt(5));
        switch (field) {
            case "treeSize", "leafIdx" -> json.put(field, json.get(field).asLong() + 1);
            case "proof" -> forgeArrayHash((ArrayNode) json.get("proof"), json, r);
            default -> json.put(field, flipBit(Base64.getDecoder().decode(json.get(field).asText()), r));
        }
        lines.set(line, json.toString());
        files.put(BundleLayout.INCLUSION_PROOFS, Bundles.joined(lines));
        return new Expected(Set.of(BundleLayout.INCLUSION_PROOFS), "line " + (line + 1), field + " of line " + (line + 1));
    }

    private static void forgeArrayHash(ArrayNode proof, ObjectNode json, SplittableRandom r) {
        if (proof.isEmpty()) {
            json.put("root", flipBit(Base64.getDecoder().decode(json.get("root").asText()), r));
            return;
        }
        int i = r.nextInt(proof.size());
        proof.set(i, json.textNode(flipBit(Base64.getDecoder().decode(proof.get(i).asText()), r)));
    }

    private Expected forgeCheckpoint(Map<String, byte[]> files, SplittableRandom r) {
        ObjectNode document = object(new String(files.get(BundleLayout.CHECKPOINTS), StandardCharsets.UTF_8));
        ArrayNode checkpoints = (ArrayNode) document.get("checkpoints");
        ObjectNode checkpoint = (ObjectNode) checkpoints.get(r.nextInt(checkpoints.size()));
        String field = List.of("origin", "treeSize", "root", "timestamp", "algorithm", "signature").get(r.nextInt(6));
        switch (field) {
            case "origin" -> checkpoint.put(field, checkpoint.get(field).asText() + "x");
            case "treeSize" -> checkpoint.put(field, checkpoint.get(field).asLong() + 1);
            case "timestamp" -> checkpoint.put(field, Instant.parse(checkpoint.get(field).asText()).plusMillis(1).toString());
            case "algorithm" -> checkpoint.put(field, "SHA384withECDSA");
            default -> checkpoint.put(field, flipBit(Base64.getDecoder().decode(checkpoint.get(field).asText()), r));
        }
        files.put(BundleLayout.CHECKPOINTS, (document + "\n").getBytes(StandardCharsets.UTF_8));
        return new Expected(Set.of(BundleLayout.CHECKPOINTS), "checkpoint", field);
    }

    private Expected forgeKey(Map<String, byte[]> files, SplittableRandom r) {
        ObjectNode document = object(new String(files.get(BundleLayout.KEYS), StandardCharsets.UTF_8));
        ObjectNode key = (ObjectNode) document.get("keys").get(0);
        if (r.nextBoolean()) {
            key.put("publicKey", flipBit(Base64.getDecoder().decode(key.get("publicKey").asText()), r));
        } else {
            key.put("fingerprint", otherHexDigit(key.get("fingerprint").asText(), r));
        }
        files.put(BundleLayout.KEYS, (document + "\n").getBytes(StandardCharsets.UTF_8));
        return new Expected(Set.of(BundleLayout.KEYS), "key", "the key");
    }

    private Expected forgeConsistencyProof(Map<String, byte[]> files, SplittableRandom r) {
        List<String> names = files.keySet().stream().filter(n -> n.startsWith(BundleLayout.CONSISTENCY_PREFIX)).toList();
        String name = names.get(r.nextInt(names.size()));
        ObjectNode json = object(new String(files.get(name), StandardCharsets.UTF_8));
        String field = List.of("root1", "root2", "proof", "size1", "size2").get(r.nextInt(5));
        switch (field) {
            case "size1", "size2" -> json.put(field, json.get(field).asLong() - 1);
            case "proof" -> {
                ArrayNode proof = (ArrayNode) json.get("proof");
                int i = r.nextInt(proof.size());
                proof.set(i, json.textNode(flipBit(Base64.getDecoder().decode(proof.get(i).asText()), r)));
            }
            default -> json.put(field, flipBit(Base64.getDecoder().decode(json.get(field).asText()), r));
        }
        files.put(name, (json + "\n").getBytes(StandardCharsets.UTF_8));
        return new Expected(Set.of(name), "", field + " of " + name);
    }

    private Expected forgeBlock(Map<String, byte[]> files, SplittableRandom r) {
        List<String> lines = Bundles.lines(files.get(BundleLayout.BLOCKS));
        int line = r.nextInt(lines.size());
        ObjectNode json = object(lines.get(line));
        String field = List.of("app", "seq", "prevBlockHash", "merkleRoot", "entries", "createdAt", "blockHash",
                "sealedLeafIndex", "digests").get(r.nextInt(9));
        switch (field) {
            case "app" -> json.put(field, "payment5");
            case "seq", "entries", "sealedLeafIndex" -> json.put(field, json.get(field).asLong() + 1);
            case "createdAt" -> json.put(field, BlockHashing.createdAt(
                    Instant.parse(json.get(field).asText()).plusMillis(1)));
            case "digests" -> {
                ArrayNode digests = (ArrayNode) json.get(field);
                int i = r.nextInt(digests.size());
                digests.set(i, json.textNode(otherHexDigit(digests.get(i).asText(), r)));
            }
            default -> json.put(field, otherHexDigit(json.get(field).asText(), r));
        }
        lines.set(line, json.toString());
        files.put(BundleLayout.BLOCKS, Bundles.joined(lines));
        return new Expected(Set.of(BundleLayout.BLOCKS), "line " + (line + 1), field + " of line " + (line + 1));
    }

    private Expected forgeManifest(Map<String, byte[]> files, SplittableRandom r) {
        ObjectNode json = object(new String(files.get(BundleLayout.MANIFEST), StandardCharsets.UTF_8));
        switch (r.nextInt(3)) {
            case 0 -> {
                json.put("createdAt", Instant.parse(json.get("createdAt").asText()).plusMillis(1).toString());
                files.put(BundleLayout.MANIFEST, (json + "\n").getBytes(StandardCharsets.UTF_8));
                return new Expected(Set.of(BundleLayout.MANIFEST), "createdAt", "createdAt");
            }
            case 1 -> {
                ((ObjectNode) json.get("scope")).put("app", "trade-docs");
                files.put(BundleLayout.MANIFEST, (json + "\n").getBytes(StandardCharsets.UTF_8));
                return new Expected(Set.of(BundleLayout.BLOCKS), "application", "scope app");
            }
            default -> {
                json.put("redacted", false);
                files.put(BundleLayout.MANIFEST, (json + "\n").getBytes(StandardCharsets.UTF_8));
                return new Expected(Set.of(BundleLayout.ENTRIES), "leaf hash only", "redacted flag");
            }
        }
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) BundleLayout.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String flipBit(byte[] bytes, SplittableRandom r) {
        int bit = r.nextInt(bytes.length * 8);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String otherHexDigit(String hex, SplittableRandom r) {
        int i = r.nextInt(hex.length());
        char replacement = "0123456789abcdef".charAt((Character.digit(hex.charAt(i), 16) + 1 + r.nextInt(15)) % 16);
        return hex.substring(0, i) + replacement + hex.substring(i + 1);
    }

    /** What a forgery changed and where the report must say so. */
    private record Expected(Set<String> files, String token, String what) {
    }

    /** One kind of forgery on one bundle. */
    private record Forgery(String name, Map<String, byte[]> bundle,
                           BiFunction<Map<String, byte[]>, SplittableRandom, Expected> forge) {
    }
}
