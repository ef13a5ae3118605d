package io.cairn.evidence;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.CanonicalEntry;
import io.cairn.audit.spi.CheckpointSignature;
import io.cairn.audit.spi.SoftwareCheckpointSigner;
import io.cairn.journal.Checkpoint;
import io.cairn.journal.JournalEntry;
import io.cairn.merkle.Hash;
import io.cairn.merkle.InMemoryTreeStore;
import io.cairn.merkle.ProofGenerator;
import io.cairn.merkle.TreeHasher;
import io.cairn.merkle.TreeStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A journal held in memory over a real Merkle tree, with checkpoints signed by an in-memory P-256 key. */
final class TestJournal implements EvidenceJournal {
    static final String ORIGIN = "test.cairn/journal";

    private final List<JournalEntry> entries = new ArrayList<>();
    private final InMemoryTreeStore tree = new InMemoryTreeStore();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final SoftwareCheckpointSigner signer = SoftwareCheckpointSigner.generate("journal-checkpoint");

    /** Journals an event committed at {@code at}; its leaf index. */
    long append(AuditEvent event, Instant at) {
        byte[] bytes = CanonicalEntry.encode(event);
        long index = tree.appendEntry(bytes);
        entries.add(new JournalEntry(index, bytes, TreeHasher.leafHash(bytes), event.idempotencyKey(), at));
        return index;
    }

    /** Signs a checkpoint of the current tree. */
    Checkpoint checkpoint(Instant at) {
        long size = entries.size();
        Hash root = ProofGenerator.root(tree, size);
        String body = Checkpoint.body(ORIGIN, size, root, at);
        CheckpointSignature signature = signer.sign(body.getBytes(StandardCharsets.UTF_8));
        Checkpoint checkpoint = new Checkpoint(ORIGIN, size, root, at, signature);
        checkpoints.add(checkpoint);
        return checkpoint;
    }

    /** The public key that signs the checkpoints (X.509 DER). */
    byte[] publicKey() {
        return signer.sign(new byte[0]).publicKey();
    }

    @Override
    public long size() {
        return entries.size();
    }

    /** Every checkpoint signed so far, oldest first. */
    List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    @Override
    public Optional<Checkpoint> newestCheckpoint() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    @Override
    public Optional<Checkpoint> firstCheckpointCovering(long leafIndex) {
        return checkpoints.stream().filter(c -> c.treeSize() > leafIndex).findFirst();
    }

    @Override
    public List<JournalEntry> entries(long fromIndex, long toIndex) {
        int from = (int) Math.max(0, Math.min(fromIndex, entries.size()));
        int to = (int) Math.max(from, Math.min(toIndex, entries.size()));
        return List.copyOf(entries.subList(from, to));
    }

    @Override
    public TreeStore treeStore(long treeSize) {
        return tree;
    }
}
