package io.cairn.journal;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.merkle.Hash;
import io.cairn.proofs.ConsistencyProofFile;
import io.cairn.proofs.InclusionProofFile;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON bodies of the journal API. */
public final class JournalViews {
    private JournalViews() {
    }

    /**
     * A checkpoint.
     *
     * @param origin    the journal's name
     * @param treeSize  entries covered
     * @param root      Merkle root, base64
     * @param timestamp when it was signed
     * @param keyId     signing key
     * @param algorithm JCA signature algorithm
     * @param signature signature over the body, base64
     * @param publicKey X.509 SubjectPublicKeyInfo of the key, base64
     * @param text      the checkpoint text: body, empty line, signature line
     */
    public record CheckpointView(String origin, long treeSize, String root, Instant timestamp, String keyId,
                                 String algorithm, String signature, String publicKey, String text) {
        static CheckpointView of(Checkpoint c) {
            Base64.Encoder b64 = Base64.getEncoder();
            return new CheckpointView(c.origin(), c.treeSize(), c.root().base64(), c.timestamp(), c.signature().keyId(),
                    c.signature().algorithm(), b64.encodeToString(c.signature().signature()),
                    b64.encodeToString(c.signature().publicKey()), c.text());
        }
    }

    /**
     * Checkpoints, newest first.
     *
     * @param treeSize    the journal's current size
     * @param latest      the newest checkpoint
     * @param checkpoints up to {@code limit} checkpoints, newest first
     */
    public record CheckpointList(long treeSize, Optional<CheckpointView> latest, List<CheckpointView> checkpoints) {
    }

    /**
     * A journal entry.
     *
     * @param leafIndex      position
     * @param leafHash       stored leaf hash, base64
     * @param entry          canonical entry bytes, base64
     * @param committedAt    commit time
     * @param type           event type
     * @param actor          who
     * @param subject        what
     * @param occurredAt     when it happened
     * @param idempotencyKey the event's idempotency key
     * @param payloadSha256  digest of the off-journal payload
     * @param attributes     further facts
     */
    public record EntryView(long leafIndex, String leafHash, String entry, Instant committedAt, String type, String actor,
                            String subject, Instant occurredAt, Optional<String> idempotencyKey,
                            Optional<String> payloadSha256, Map<String, String> attributes) {
        static EntryView of(JournalEntry e) {
            AuditEvent event = e.event();
            return new EntryView(e.leafIndex(), e.leafHash().base64(), Base64.getEncoder().encodeToString(e.entry()),
                    e.createdAt(), event.type(), event.actor(), event.subject(), event.occurredAt(),
                    event.idempotencyKey(), event.payloadSha256(), event.attributes());
        }
    }

    /**
     * An inclusion proof in the proof file format ({@code cairn proof verify-inclusion}).
     *
     * @param leafIdx  entry
     * @param treeSize tree size
     * @param root     root, base64
     * @param leafHash leaf hash, base64
     * @param proof    path, base64, from the leaf upwards
     */
    public record InclusionProofView(long leafIdx, long treeSize, String root, String leafHash, List<String> proof) {
        static InclusionProofView of(InclusionProofFile f) {
            return new InclusionProofView(f.leafIdx(), f.treeSize(), f.root().base64(), f.leafHash().base64(),
                    f.proof().stream().map(Hash::base64).toList());
        }
    }

    /**
     * A consistency proof in the proof file format ({@code cairn proof verify-consistency}).
     *
     * @param size1 earlier size
     * @param size2 later size
     * @param root1 earlier root, base64
     * @param root2 later root, base64
     * @param proof the proof, base64
     */
    public record ConsistencyProofView(long size1, long size2, String root1, String root2, List<String> proof) {
        static ConsistencyProofView of(ConsistencyProofFile f) {
            return new ConsistencyProofView(f.size1(), f.size2(), f.root1().base64(), f.root2().base64(),
                    f.proof().stream().map(Hash::base64).toList());
        }
    }
}
