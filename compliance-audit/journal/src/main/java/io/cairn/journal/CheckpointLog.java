package io.cairn.journal;

import io.cairn.audit.spi.CheckpointSignature;
import io.cairn.audit.spi.CheckpointSigner;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.ConsistencyProof;
import io.cairn.merkle.Hash;
import io.cairn.merkle.ProofGenerator;
import io.cairn.merkle.TreeStore;
import io.cairn.merkle.VerificationResult;
import io.cairn.storage.StoreFailures;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The journal's signed checkpoints. A new checkpoint is stored only after the consistency proof from
 * the previous checkpoint to it, generated from the stored tree, verifies against the previous signed root.
 */
public final class CheckpointLog {
    private static final String COLUMNS = "origin, tree_size, root, issued_at, key_id, algorithm, signature, public_key";

    private final PostgresJournal journal;
    private final DataSource dataSource;
    private final CheckpointSigner signer;
    private final String origin;
    private final Clock clock;

    /**
     * Creates the log.
     *
     * @param journal  the journal it checkpoints
     * @param signer   signs checkpoint bodies (key custody's {@code journal-checkpoint} key)
     * @param settings supplies the origin
     * @param clock    checkpoint timestamps
     */
    public CheckpointLog(PostgresJournal journal, CheckpointSigner signer, JournalSettings settings, Clock clock) {
        this.journal = journal;
        this.dataSource = journal.dataSource();
        this.signer = signer;
        this.origin = settings.origin();
        this.clock = clock;
    }

    /**
     * Signs and stores a checkpoint of the current tree. When no entry was added since the latest
     * checkpoint, that checkpoint is returned instead.
     *
     * @return the new (or unchanged latest) checkpoint
     * @throws CairnException {@code CAIRN-JOURNAL-0006} when the stored tree does not extend the latest checkpoint
     */
    public synchronized Checkpoint create() {
        long size = journal.size();
        Optional<Checkpoint> previous = latest();
        if (previous.isPresent() && previous.get().treeSize() == size) {
            return previous.get();
        }
        TreeStore store = journal.treeStore(size);
        Hash root = ProofGenerator.root(store, size);
        previous.ifPresent(p -> requireConsistent(store, p, size, root));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String body = Checkpoint.body(origin, size, root, now);
        CheckpointSignature signature = signer.sign(body.getBytes(StandardCharsets.UTF_8));
        Checkpoint checkpoint = new Checkpoint(origin, size, root, now, signature);
        if (!checkpoint.signatureValid()) {
            throw new CairnException(ErrorCode.SIGN_SIGNATURE_FAILED,
                    "the checkpoint signature from key " + signature.keyId() + " does not verify");
        }
        store(checkpoint);
        return checkpoint;
    }

    private static void requireConsistent(TreeStore store, Checkpoint previous, long size, Hash root) {
        if (previous.treeSize() > size) {
            throw inconsistent("the journal holds " + size + " entries but checkpoint " + previous.treeSize()
                    + " covered more");
        }
        ConsistencyProof proof = ProofGenerator.consistency(store, previous.treeSize(), size);
        VerificationResult result = proof.verify(previous.root(), root);
        if (!result.isValid()) {
            throw inconsistent("the stored tree of " + size + " entries does not extend checkpoint "
                    + previous.treeSize() + ": " + result);
        }
    }

    private static CairnException inconsistent(String detail) {
        return new CairnException(ErrorCode.JOURNAL_CHECKPOINT_INCONSISTENT, detail + "; run the journal audit");
    }

    /** The newest checkpoint. */
    public Optional<Checkpoint> latest() {
        List<Checkpoint> newest = list(1);
        return newest.isEmpty() ? Optional.empty() : Optional.of(newest.get(0));
    }

    /** The checkpoint of a tree size, when one was signed. */
    public Optional<Checkpoint> at(long treeSize) {
        List<Checkpoint> found = query("select " + COLUMNS + " from journal.checkpoints where tree_size = ?", treeSize);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The oldest checkpoint that covers a leaf index (whose tree size is above it), when one was signed. */
    public Optional<Checkpoint> firstCovering(long leafIndex) {
        List<Checkpoint> found = query("select " + COLUMNS + " from journal.checkpoints where tree_size > ?"
                + " order by tree_size limit 1", leafIndex);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The newest checkpoints, newest first. */
    public List<Checkpoint> list(int limit) {
        return query("select " + COLUMNS + " from journal.checkpoints order by tree_size desc limit ?", limit);
    }

    /** Every checkpoint, oldest first. */
    public List<Checkpoint> all() {
        return query("select " + COLUMNS + " from journal.checkpoints where tree_size >= ? order by tree_size", 0);
    }

    private List<Checkpoint> query(String sql, long parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, parameter);
            return read(p);
        } catch (SQLException e) {
            throw StoreFailures.translate(new IllegalStateException("cannot read checkpoints", e));
        }
    }

    static List<Checkpoint> read(PreparedStatement p) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                checkpoints.add(new Checkpoint(rs.getString(1), rs.getLong(2), Hash.of(rs.getBytes(3)),
                        rs.getTimestamp(4).toInstant(),
                        new CheckpointSignature(rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8))));
            }
        }
        return checkpoints;
    }

    private void store(Checkpoint checkpoint) {
        String sql = "insert into journal.checkpoints (tree_size, origin, root, issued_at, body, key_id, algorithm,"
                + " signature, public_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, checkpoint.treeSize());
            p.setString(2, checkpoint.origin());
            p.setBytes(3, checkpoint.root().bytes());
            p.setTimestamp(4, Timestamp.from(checkpoint.timestamp()));
            p.setString(5, checkpoint.body());
            p.setString(6, checkpoint.signature().keyId());
            p.setString(7, checkpoint.signature().algorithm());
            p.setBytes(8, checkpoint.signature().signature());
            p.setBytes(9, checkpoint.signature().publicKey());
            p.executeUpdate();
        } catch (SQLException e) {
            throw StoreFailures.translate(new IllegalStateException("cannot store checkpoint", e));
        }
    }
}
