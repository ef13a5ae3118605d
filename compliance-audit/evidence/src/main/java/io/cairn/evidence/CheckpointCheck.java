package io.cairn.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.audit.spi.CheckpointSignature;
import io.cairn.journal.Checkpoint;
import io.cairn.kernel.CairnException;
import io.cairn.merkle.VerificationResult;
import io.cairn.proofs.ConsistencyProofFile;
import io.cairn.proofs.ProofFileReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the checkpoint keys, the signed checkpoints and the consistency proofs between consecutive checkpoints.
 */
final class CheckpointCheck {
    private static final List<String> KEY_FIELDS = List.of("fingerprint", "publicKey", "pem");
    private static final List<String> CHECKPOINT_FIELDS = List.of("origin", "treeSize", "root", "timestamp", "keyId",
            "algorithm", "signature", "keyFingerprint");

    private final BundleFiles files;
    private final VerificationReport.Builder report;
    private final Set<String> trustedKeys;

    CheckpointCheck(BundleFiles files, VerificationReport.Builder report, Set<String> trustedKeys) {
        this.files = files;
        this.report = report;
        this.trustedKeys = trustedKeys;
    }

    /** Runs the checks; the newest checkpoint whose signature verified, if any. */
    Optional<Checkpoint> run(Manifest manifest) {
        long before = report.failureCount();
        Map<String, byte[]> keys = keys();
        List<Checkpoint> checkpoints = checkpoints(keys);
        String pinning = pinning(keys.keySet());
        report.check("Checkpoint keys and signatures", before, keys.size() + " key(s), " + checkpoints.size()
                + " signed checkpoint(s) verified" + pinning);
        if (checkpoints.isEmpty()) {
            report.fail(BundleLayout.CHECKPOINTS, "checkpoints", "no checkpoint with a valid signature");
            return Optional.empty();
        }
        Checkpoint newest = checkpoints.get(checkpoints.size() - 1);
        if (!newest.timestamp().equals(manifest.createdAt())) {
            report.fail(BundleLayout.MANIFEST, "createdAt", "is " + manifest.createdAt()
                    + " but the newest checkpoint's timestamp is " + newest.timestamp());
        }
        consistency(checkpoints);
        return Optional.of(newest);
    }

    private Map<String, byte[]> keys() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (!files.has(BundleLayout.KEYS)) {
            return keys;
        }
        try {
            List<JsonNode> items = BundleJson.parse(files.read(BundleLayout.KEYS), "keys", List.of("keys")).array("keys");
            for (int i = 0; i < items.size(); i++) {
                try {
                    key(BundleJson.of(items.get(i), "key " + i, KEY_FIELDS), keys);
                } catch (BundleDefect e) {
                    report.fail(BundleLayout.KEYS, e);
                }
            }
        } catch (BundleDefect e) {
            report.fail(BundleLayout.KEYS, e);
        }
        return keys;
    }

    private void key(BundleJson key, Map<String, byte[]> keys) {
        byte[] der = key.base64("publicKey");
        String fingerprint = key.hex64("fingerprint");
        if (!PublicKeys.fingerprint(der).equals(fingerprint)) {
            report.fail(BundleLayout.KEYS, "key " + fingerprint, "the fingerprint is not the SHA-256 of the key");
        } else if (!PublicKeys.pem(der).equals(key.text("pem"))) {
            report.fail(BundleLayout.KEYS, "key " + fingerprint, "the PEM text is not the same key");
        } else {
            keys.put(fingerprint, der);
        }
    }

    private List<Checkpoint> checkpoints(Map<String, byte[]> keys) {
        List<Checkpoint> verified = new ArrayList<>();
        if (!files.has(BundleLayout.CHECKPOINTS)) {
            return verified;
        }
        try {
            List<JsonNode> items = BundleJson.parse(files.read(BundleLayout.CHECKPOINTS), "checkpoints",
                    List.of("checkpoints")).array("checkpoints");
            for (int i = 0; i < items.size(); i++) {
                try {
                    checkpoint(BundleJson.of(items.get(i), "checkpoint " + i, CHECKPOINT_FIELDS), keys, verified);
                } catch (BundleDefect e) {
                    report.fail(BundleLayout.CHECKPOINTS, e);
                }
            }
        } catch (BundleDefect e) {
            report.fail(BundleLayout.CHECKPOINTS, e);
        }
        return verified;
    }

    private void checkpoint(BundleJson json, Map<String, byte[]> keys, List<Checkpoint> verified) {
        long size = json.count("treeSize");
        String item = "checkpoint of size " + size;
        byte[] key = keys.get(json.hex64("keyFingerprint"));
        if (key == null) {
            report.fail(BundleLayout.CHECKPOINTS, item, "signed by key " + json.text("keyFingerprint")
                    + ", which is not in " + BundleLayout.KEYS);
            return;
        }
        Checkpoint checkpoint = new Checkpoint(json.text("origin"), size, json.hash("root"), json.instant("timestamp"),
                new CheckpointSignature(json.text("keyId"), json.text("algorithm"), json.base64("signature"), key));
        if (!checkpoint.signatureValid()) {
            report.fail(BundleLayout.CHECKPOINTS, item, "the signature does not verify over the checkpoint body"
                    + " with key " + json.text("keyFingerprint") + " (" + json.text("algorithm") + ")");
            return;
        }
        if (!trustedKeys.isEmpty() && !trustedKeys.contains(PublicKeys.fingerprint(key))) {
            report.fail(BundleLayout.CHECKPOINTS, item, "signed by key " + PublicKeys.fingerprint(key)
                    + ", which is not one of the trusted keys given with --trusted-key");
            return;
        }
        Checkpoint previous = verified.isEmpty() ? null : verified.get(verified.size() - 1);
        if (previous != null && (previous.treeSize() >= size || !previous.origin().equals(checkpoint.origin()))) {
            report.fail(BundleLayout.CHECKPOINTS, item, "checkpoints must grow in size and share one origin");
            return;
        }
        verified.add(checkpoint);
    }

    private String pinning(Set<String> fingerprints) {
        if (trustedKeys.isEmpty()) {
            report.note("The checkpoint key is NOT PINNED: the signatures were checked with the key(s) inside the"
                    + " bundle, SHA-256 fingerprint(s) " + String.join(", ", fingerprints) + ". Compare with the"
                    + " appliance's published journal-checkpoint key, or pass --trusted-key FILE.");
            return "; key not pinned";
        }
        return "; signing key(s) among the " + trustedKeys.size() + " trusted key(s)";
    }

    private void consistency(List<Checkpoint> checkpoints) {
        long before = report.failureCount();
        Set<String> expected = new HashSet<>();
        for (int i = 1; i < checkpoints.size(); i++) {
            Checkpoint older = checkpoints.get(i - 1);
            Checkpoint newer = checkpoints.get(i);
            String name = BundleLayout.consistencyFile(older.treeSize(), newer.treeSize());
            expected.add(name);
            if (!files.has(name)) {
                report.fail(name, "whole file", "missing: no consistency proof between checkpoints "
                        + older.treeSize() + " and " + newer.treeSize());
                continue;
            }
            consistencyProof(name, older, newer);
        }
        files.names().stream().filter(n -> n.startsWith(BundleLayout.CONSISTENCY_PREFIX) && !expected.contains(n))
                .forEach(n -> report.fail(n, "whole file", "not a proof between consecutive verified checkpoints"));
        report.check("Consistency between checkpoints", before, expected.size()
                + " proof(s): each checkpoint extends the previous one (append-only)");
    }

    private void consistencyProof(String name, Checkpoint older, Checkpoint newer) {
        ConsistencyProofFile proof;
        try {
            proof = ProofFileReader.parseConsistency(files.read(name));
        } catch (CairnException | BundleDefect e) {
            report.fail(name, "whole file", "malformed consistency proof: " + e.getMessage());
            return;
        }
        boolean sameFacts = proof.size1() == older.treeSize() && proof.size2() == newer.treeSize()
                && proof.root1().equals(older.root()) && proof.root2().equals(newer.root());
        if (!sameFacts) {
            report.fail(name, "sizes and roots", "do not match the signed checkpoints " + older.treeSize() + " and "
                    + newer.treeSize());
            return;
        }
        VerificationResult result = proof.verify();
        if (!result.isValid()) {
            report.fail(name, "proof", "does not verify: " + result.failure().orElseThrow().explanation() + " ("
                    + result.detail() + ")");
        }
    }
}
