package io.cairn.evidence;

import java.util.List;

/** The JSON shapes of the bundle files, as written; field order is the order of the record components. */
final class BundleLines {
    private BundleLines() {
    }

    /** {@code manifest.json}. */
    record Manifest(String format, String createdAt, Scope scope, boolean redacted, List<BundleZip.FileDigest> files) {
    }

    /** The scope in the manifest. */
    record Scope(String app, String from, String to) {
    }

    /** {@code keys/checkpoint-keys.json}. */
    record Keys(List<Key> keys) {
    }

    /** One checkpoint public key: X.509 SubjectPublicKeyInfo as base64 and PEM, and its SHA-256. */
    record Key(String fingerprint, String publicKey, String pem) {
    }

    /** {@code journal/checkpoints.json}. */
    record Checkpoints(List<CheckpointLine> checkpoints) {
    }

    /** One signed checkpoint. */
    record CheckpointLine(String origin, long treeSize, String root, String timestamp, String keyId, String algorithm,
                          String signature, String keyFingerprint) {
    }

    /** A line of {@code journal/entries.jsonl} with the canonical entry bytes. */
    record FullEntry(long leafIndex, String entry) {
    }

    /** A line of {@code journal/entries.jsonl} of a redacted entry: its leaf hash only. */
    record RedactedEntry(long leafIndex, String leafHash) {
    }

    /** A line of {@code blocks/blocks.jsonl}. */
    record Block(String app, long seq, String prevBlockHash, String merkleRoot, long entries, String createdAt,
                 String blockHash, String status, long sealedLeafIndex, List<String> digests, List<Anchor> anchors) {
    }

    /** An anchor of a block. */
    record Anchor(String ledger, String kind, String transactionId, long height, String status, String at) {
    }
}
