package io.cairn.evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cairn.journal.Checkpoint;
import io.cairn.journal.JournalEntry;
import io.cairn.merkle.Hash;
import io.cairn.merkle.InclusionProof;
import io.cairn.merkle.ProofGenerator;
import io.cairn.merkle.TreeHasher;
import io.cairn.merkle.TreeStore;
import io.cairn.proofs.ConsistencyProofFile;
import io.cairn.proofs.ProofFileWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Writes one bundle's files, in name order, then the manifest. */
final class BundleWriter {
    private static final int PROOF_BATCH = 512;
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final ExportPlan plan;
    private final EvidenceScope scope;
    private final EvidenceJournal journal;
    private final long[] leafIndexes;
    private final Checkpoint newest;
    private byte[] leafHashes;

    BundleWriter(ExportPlan plan) {
        this.plan = plan;
        this.scope = plan.scope();
        this.journal = plan.journal();
        this.leafIndexes = plan.leafIndexes();
        this.newest = plan.newest();
    }

    void write(OutputStream out) throws IOException {
        BundleZip zip = new BundleZip(out);
        writeBlocks(zip);
        zip.write(BundleLayout.CHECKPOINTS, json(new BundleLines.Checkpoints(plan.checkpoints().stream()
                .map(BundleWriter::checkpointLine).toList())));
        writeConsistencyProofs(zip);
        writeEntries(zip);
        writeInclusionProofs(zip);
        zip.write(BundleLayout.KEYS, json(keys()));
        BundleLines.Manifest manifest = new BundleLines.Manifest(BundleLayout.FORMAT, newest.timestamp().toString(),
                new BundleLines.Scope(scope.app(), scope.from().toString(), scope.to().toString()), scope.redacted(),
                zip.files());
        zip.write(BundleLayout.MANIFEST, json(manifest));
        zip.close();
    }

    private void writeBlocks(BundleZip zip) throws IOException {
        try (OutputStream file = zip.file(BundleLayout.BLOCKS)) {
            for (BlockRecord block : plan.blockRecords()) {
                List<String> digests = plan.blocks().digests(block.app(), block.seq()).stream()
                        .map(HexFormat.of()::formatHex).toList();
                List<BundleLines.Anchor> anchors = plan.blocks().anchors(block.app(), block.seq()).stream()
                        .sorted(Comparator.comparing(AnchorRecord::ledger).thenComparing(AnchorRecord::transactionId)
                                .thenComparing(AnchorRecord::at))
                        .map(a -> new BundleLines.Anchor(a.ledger(), a.kind(), a.transactionId(), a.height(), a.status(),
                                a.at().toString()))
                        .toList();
                line(file, new BundleLines.Block(block.app(), block.seq(), block.prevBlockHash(), block.merkleRoot(),
                        block.entries(), BlockHashing.createdAt(block.createdAt()), block.blockHash(), block.status(),
                        plan.sealedEntries().get(block.blockHash()), digests, anchors));
            }
        }
    }

    private void writeConsistencyProofs(BundleZip zip) throws IOException {
        List<Checkpoint> checkpoints = plan.checkpoints();
        for (int i = 1; i < checkpoints.size(); i++) {
            Checkpoint older = checkpoints.get(i - 1);
            Checkpoint newer = checkpoints.get(i);
            TreeStore store = journal.treeStore(newer.treeSize());
            ConsistencyProofFile proof = ConsistencyProofFile.of(
                    ProofGenerator.consistency(store, older.treeSize(), newer.treeSize()), older.root(), newer.root());
            zip.write(BundleLayout.consistencyFile(older.treeSize(), newer.treeSize()),
                    ProofFileWriter.toJson(proof).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void writeEntries(BundleZip zip) throws IOException {
        leafHashes = new byte[leafIndexes.length * Hash.LENGTH];
        Set<Long> inFull = new HashSet<>(plan.sealedEntries().values());
        try (OutputStream file = zip.file(BundleLayout.ENTRIES)) {
            int next = 0;
            while (next < leafIndexes.length) {
                long pageEnd = leafIndexes[next] + EntrySelection.PAGE;
                Map<Long, JournalEntry> page = new TreeMap<>();
                journal.entries(leafIndexes[next], pageEnd).forEach(e -> page.put(e.leafIndex(), e));
                for (; next < leafIndexes.length && leafIndexes[next] < pageEnd; next++) {
                    JournalEntry entry = page.get(leafIndexes[next]);
                    if (entry == null) {
                        throw new IllegalStateException("journal entry " + leafIndexes[next] + " vanished during export");
                    }
                    writeEntry(file, entry, !scope.redacted() || inFull.contains(entry.leafIndex()), next);
                }
            }
        }
    }

    private void writeEntry(OutputStream file, JournalEntry entry, boolean full, int position) throws IOException {
        byte[] bytes = entry.entry();
        Hash leafHash = TreeHasher.leafHash(bytes);
        leafHash.copyTo(leafHashes, position * Hash.LENGTH);
        line(file, full ? new BundleLines.FullEntry(entry.leafIndex(), B64.encodeToString(bytes))
                : new BundleLines.RedactedEntry(entry.leafIndex(), leafHash.base64()));
    }

    private void writeInclusionProofs(BundleZip zip) throws IOException {
        TreeStore store = journal.treeStore(newest.treeSize());
        try (OutputStream file = zip.file(BundleLayout.INCLUSION_PROOFS)) {
            for (int start = 0; start < leafIndexes.length; start += PROOF_BATCH) {
                int end = Math.min(start + PROOF_BATCH, leafIndexes.length);
                List<InclusionProof> proofs = InclusionProofBatch.generate(store, newest.treeSize(),
                        Arrays.copyOfRange(leafIndexes, start, end));
                for (int i = start; i < end; i++) {
                    writeInclusion(file, proofs.get(i - start), Hash.of(leafHashes, i * Hash.LENGTH, Hash.LENGTH));
                }
            }
        }
    }

    /** One inclusion proof in the journal's proof file format, on one line. */
    private void writeInclusion(OutputStream file, InclusionProof proof, Hash leafHash) throws IOException {
        try (JsonGenerator g = BundleLayout.JSON.getFactory().createGenerator(file)) {
            g.writeStartObject();
            g.writeNumberField("leafIdx", proof.leafIndex());
            g.writeNumberField("treeSize", proof.treeSize());
            g.writeStringField("root", newest.root().base64());
            g.writeStringField("leafHash", leafHash.base64());
            g.writeArrayFieldStart("proof");
            for (Hash hash : proof.path()) {
                g.writeString(hash.base64());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        file.write('\n');
    }

    private BundleLines.Keys keys() {
        Map<String, byte[]> byFingerprint = new TreeMap<>();
        for (Checkpoint c : plan.checkpoints()) {
            byte[] key = c.signature().publicKey();
            byFingerprint.put(PublicKeys.fingerprint(key), key);
        }
        List<BundleLines.Key> keys = new ArrayList<>();
        byFingerprint.forEach((fingerprint, key) -> keys.add(new BundleLines.Key(fingerprint, B64.encodeToString(key),
                PublicKeys.pem(key))));
        return new BundleLines.Keys(keys);
    }

    private static BundleLines.CheckpointLine checkpointLine(Checkpoint c) {
        return new BundleLines.CheckpointLine(c.origin(), c.treeSize(), c.root().base64(), c.timestamp().toString(),
                c.signature().keyId(), c.signature().algorithm(), B64.encodeToString(c.signature().signature()),
                PublicKeys.fingerprint(c.signature().publicKey()));
    }

    private static void line(OutputStream file, Object value) throws IOException {
        BundleLayout.JSON.writeValue(file, value);
        file.write('\n');
    }

    private static byte[] json(Object value) throws IOException {
        return (BundleLayout.JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
