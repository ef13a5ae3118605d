package io.cairn.evidence;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.CanonicalEntry;
import io.cairn.journal.Checkpoint;
import io.cairn.kernel.CairnException;
import io.cairn.merkle.Hash;
import io.cairn.merkle.TreeHasher;
import io.cairn.merkle.VerificationResult;
import io.cairn.proofs.InclusionProofFile;
import io.cairn.proofs.ProofFileReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the journal entries and their inclusion proofs, line by line in step: each entry's canonical
 * encoding and leaf hash, and that its proof leads to the newest signed checkpoint. Collects the
 * {@code application.block-sealed} entries for the block check.
 */
final class EntryCheck {
    private static final List<String> FULL = List.of("leafIndex", "entry");
    private static final List<String> REDACTED = List.of("leafIndex", "leafHash");

    private final BundleFiles files;
    private final VerificationReport.Builder report;
    private final Map<Long, String> sealedBlocks = new HashMap<>();
    private long full;
    private long redacted;
    private long previousIndex = -1;

    EntryCheck(BundleFiles files, VerificationReport.Builder report) {
        this.files = files;
        this.report = report;
    }

    /** The block hash each {@code application.block-sealed} entry seals, by leaf index. */
    Map<Long, String> sealedBlocks() {
        return sealedBlocks;
    }

    void run(Manifest manifest, Checkpoint newest) {
        long before = report.failureCount();
        long lines = 0;
        if (files.has(BundleLayout.ENTRIES) && files.has(BundleLayout.INCLUSION_PROOFS)) {
            try (BufferedReader entries = files.lines(BundleLayout.ENTRIES);
                 BufferedReader proofs = files.lines(BundleLayout.INCLUSION_PROOFS)) {
                lines = inStep(entries, proofs, manifest, newest);
            } catch (IOException e) {
                report.fail(BundleLayout.ENTRIES, "whole file", "cannot be read: " + e.getMessage());
            }
        }
        report.check("Journal entries and inclusion proofs", before, lines + " entries (" + full + " in full, "
                + redacted + " as leaf hashes): canonical encoding, leaf hash, and inclusion proof against the"
                + " checkpoint of size " + newest.treeSize() + " with root " + newest.root().base64());
    }

    private long inStep(BufferedReader entries, BufferedReader proofs, Manifest manifest, Checkpoint newest)
            throws IOException {
        long number = 0;
        while (true) {
            String entryLine = entries.readLine();
            String proofLine = proofs.readLine();
            if (entryLine == null || proofLine == null) {
                if (entryLine != null || proofLine != null) {
                    String longer = entryLine != null ? BundleLayout.ENTRIES : BundleLayout.INCLUSION_PROOFS;
                    report.fail(longer, "line " + (number + 1), "has no counterpart: the entries and the inclusion"
                            + " proofs must have one line each per entry");
                }
                return number;
            }
            number++;
            try {
                Optional<Hash> leafHash = entry(entryLine, number, manifest, newest);
                if (leafHash.isPresent()) {
                    proof(proofLine, number, previousIndex, leafHash.get(), newest);
                }
            } catch (BundleDefect e) {
                report.fail(BundleLayout.ENTRIES, e);
            }
        }
    }

    /** Checks one entry line; its leaf hash when the line is well-formed. */
    private Optional<Hash> entry(String line, long number, Manifest manifest, Checkpoint newest) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        boolean isFull = line.contains("\"entry\"");
        BundleJson json = BundleJson.parse(bytes, "line " + number, isFull ? FULL : REDACTED);
        long leafIndex = json.count("leafIndex");
        String item = "entry at leaf index " + leafIndex + " (line " + number + ")";
        if (leafIndex <= previousIndex || leafIndex >= newest.treeSize()) {
            throw new BundleDefect(item, "leaf indexes must increase and stay below the checkpoint size "
                    + newest.treeSize());
        }
        previousIndex = leafIndex;
        if (!isFull) {
            redacted++;
            if (!manifest.redacted()) {
                report.fail(BundleLayout.ENTRIES, item, "given as a leaf hash only in a bundle that is not redacted");
            }
            return Optional.of(json.hash("leafHash"));
        }
        full++;
        byte[] entry = json.base64("entry");
        canonical(entry, leafIndex, item);
        return Optional.of(TreeHasher.leafHash(entry));
    }

    private void canonical(byte[] entry, long leafIndex, String item) {
        try {
            AuditEvent event = CanonicalEntry.decode(entry);
            if (!Arrays.equals(CanonicalEntry.encode(event), entry)) {
                report.fail(BundleLayout.ENTRIES, item, "not in canonical encoding");
            }
            if (event.type().equals(BundleLayout.BLOCK_SEALED)) {
                event.payloadSha256().ifPresent(hash -> sealedBlocks.put(leafIndex, hash));
            }
        } catch (IllegalArgumentException e) {
            report.fail(BundleLayout.ENTRIES, item, "not a canonical journal entry: " + e.getMessage());
        }
    }

    private void proof(String line, long number, long leafIndex, Hash leafHash, Checkpoint newest) {
        String item = "proof of leaf index " + leafIndex + " (line " + number + ")";
        InclusionProofFile proof;
        try {
            proof = ProofFileReader.parseInclusion(line.getBytes(StandardCharsets.UTF_8));
        } catch (CairnException e) {
            report.fail(BundleLayout.INCLUSION_PROOFS, item, "malformed: " + e.getMessage());
            return;
        }
        if (proof.leafIdx() != leafIndex || proof.treeSize() != newest.treeSize() || !proof.root().equals(newest.root())) {
            report.fail(BundleLayout.INCLUSION_PROOFS, item, "is for leaf " + proof.leafIdx() + " in the tree of "
                    + proof.treeSize() + " entries, not for this entry in the newest checkpoint");
            return;
        }
        if (!proof.leafHash().equals(leafHash)) {
            report.fail(BundleLayout.INCLUSION_PROOFS, item, "its leaf hash " + proof.leafHash().base64()
                    + " is not the hash of the entry, " + leafHash.base64());
            return;
        }
        VerificationResult result = proof.verify();
        if (!result.isValid()) {
            report.fail(BundleLayout.INCLUSION_PROOFS, item, "does not verify against the signed root: "
                    + result.failure().orElseThrow().explanation() + " (" + result.detail() + ")");
        }
    }
}
