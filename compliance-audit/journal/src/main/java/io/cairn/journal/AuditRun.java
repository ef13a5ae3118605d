package io.cairn.journal;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.CanonicalEntry;
import io.cairn.journal.AuditFinding.Kind;
import io.cairn.merkle.CompactRange;
import io.cairn.merkle.Hash;
import io.cairn.merkle.TreeHasher;
import io.cairn.merkle.TreeNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass of the tamper audit over a consistent snapshot: re-hashes every entry in leaf order, rebuilds
 * the tree from the recomputed leaves, compares every node it completes with the stored node rows
 * (merged in the same order) and every checkpoint root when the rebuilt tree reaches its size.
 */
final class AuditRun {
    private static final int FETCH = 5000;

    final List<AuditFinding> findings = new ArrayList<>();
    long findingCount;
    long entries;
    long nodes;
    int checkpointsChecked;

    private final CompactRange range = CompactRange.empty();
    private List<Checkpoint> checkpoints = List.of();
    private List<String> bodies = List.of();
    private int nextCheckpoint;
    private boolean treeBroken;
    private ResultSet nodeRows;
    private boolean nodeRowPresent;

    void run(Connection c, long headSize) throws SQLException {
        readCheckpoints(c);
        checkCheckpointsAt(0);
        try (PreparedStatement n = c.prepareStatement("select level, node_index, hash from journal.tree_nodes"
                + " order by (node_index + 1) * (1::bigint << level), level");
             PreparedStatement e = c.prepareStatement("select leaf_index, entry, leaf_hash, idempotency_key"
                     + " from journal.entries order by leaf_index")) {
            n.setFetchSize(FETCH);
            e.setFetchSize(FETCH);
            try (ResultSet nodeSet = n.executeQuery(); ResultSet entrySet = e.executeQuery()) {
                nodeRows = nodeSet;
                nodeRowPresent = nodeRows.next();
                long expected = walkEntries(entrySet, headSize);
                if (expected < headSize) {
                    missing(expected, headSize);
                }
                finish(headSize);
            }
        }
    }

    private long walkEntries(ResultSet rows, long headSize) throws SQLException {
        long expected = 0;
        while (rows.next()) {
            long index = rows.getLong(1);
            entries++;
            if (index >= headSize) {
                add(Kind.ENTRY_UNEXPECTED, index, "entry " + index + " lies beyond the committed size " + headSize);
                continue;
            }
            if (index != expected) {
                missing(expected, index);
                expected = index;
            }
            Hash leaf = checkEntry(index, rows.getBytes(2), rows.getBytes(3), Optional.ofNullable(rows.getString(4)));
            if (!treeBroken) {
                for (TreeNode node : range.append(leaf)) {
                    if (node.id().level() > 0) {
                        expectNode(node);
                    }
                }
                checkCheckpointsAt(range.size());
            }
            expected++;
        }
        return expected;
    }

    private Hash checkEntry(long index, byte[] entry, byte[] storedHash, Optional<String> keyColumn) {
        Hash leaf = TreeHasher.leafHash(entry);
        if (!java.util.Arrays.equals(leaf.bytes(), storedHash)) {
            add(Kind.ENTRY_EDITED, index, "entry " + index + ": the stored leaf hash is not SHA-256(0x00 || entry)"
                    + " of the stored bytes; the entry or its hash was edited");
        }
        try {
            AuditEvent event = CanonicalEntry.decode(entry);
            if (!event.idempotencyKey().equals(keyColumn)) {
                add(Kind.ENTRY_MALFORMED, index, "entry " + index + ": the idempotency key column differs from the"
                        + " key in the entry");
            }
        } catch (IllegalArgumentException e) {
            add(Kind.ENTRY_MALFORMED, index, "entry " + index + " is not a canonical entry: " + e.getMessage());
        }
        return leaf;
    }

    private void missing(long from, long to) {
        add(Kind.ENTRY_MISSING, from, to - from == 1 ? "entry " + from + " is missing (deleted)"
                : "entries " + from + " to " + (to - 1) + " are missing (deleted)");
        treeBroken = true;
    }

    private void expectNode(TreeNode node) throws SQLException {
        while (nodeRowPresent && compare(currentRow(), node) < 0) {
            TreeNode extra = currentRow();
            add(Kind.NODE_UNEXPECTED, extra.id().firstLeaf(), describe(extra) + " is stored but no entries complete it");
            advanceNode();
        }
        if (nodeRowPresent && compare(currentRow(), node) == 0) {
            nodes++;
            if (!currentRow().hash().equals(node.hash())) {
                add(Kind.NODE_MISMATCH, node.id().firstLeaf(), describe(node) + " differs from the hash recomputed from"
                        + " the entries: an entry below it was edited, deleted or reordered, or the node was edited");
            }
            advanceNode();
        } else {
            add(Kind.NODE_MISSING, node.id().firstLeaf(), describe(node) + " is not stored");
        }
    }

    private static String describe(TreeNode node) {
        return "tree node level " + node.id().level() + " index " + node.id().index() + " (entries "
                + node.id().firstLeaf() + " to " + (node.id().endLeaf() - 1) + ")";
    }

    private TreeNode currentRow() throws SQLException {
        return new TreeNode(new io.cairn.merkle.NodeId(nodeRows.getInt(1), nodeRows.getLong(2)),
                Hash.of(nodeRows.getBytes(3)));
    }

    private void advanceNode() throws SQLException {
        nodeRowPresent = nodeRows.next();
    }

    private static int compare(TreeNode a, TreeNode b) {
        int byEnd = Long.compare(a.id().endLeaf(), b.id().endLeaf());
        return byEnd != 0 ? byEnd : Integer.compare(a.id().level(), b.id().level());
    }

    private void readCheckpoints(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select origin, tree_size, root, issued_at, key_id, algorithm,"
                + " signature, public_key, body from journal.checkpoints order by tree_size")) {
            List<Checkpoint> read = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    read.add(new Checkpoint(rs.getString(1), rs.getLong(2), Hash.of(rs.getBytes(3)),
                            rs.getTimestamp(4).toInstant(), new io.cairn.audit.spi.CheckpointSignature(rs.getString(5),
                            rs.getString(6), rs.getBytes(7), rs.getBytes(8))));
                    texts.add(rs.getString(9));
                }
            }
            checkpoints = read;
            bodies = texts;
        }
    }

    private void checkCheckpointsAt(long size) {
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() == size) {
            Checkpoint checkpoint = checkpoints.get(nextCheckpoint);
            checkpointsChecked++;
            if (!checkpoint.body().equals(bodies.get(nextCheckpoint)) || !checkpoint.signatureValid()) {
                add(Kind.CHECKPOINT_SIGNATURE_INVALID, size, "checkpoint " + size + ": the signature does not verify"
                        + " over the stored origin, size, root and timestamp");
            }
            Hash root = size == 0 ? TreeHasher.emptyRoot() : range.root();
            if (!root.equals(checkpoint.root())) {
                add(Kind.CHECKPOINT_ROOT_MISMATCH, size, "checkpoint " + size + ": the signed root differs from the"
                        + " root recomputed from the stored entries");
            }
            nextCheckpoint++;
        }
    }

    private void finish(long headSize) throws SQLException {
        for (; nextCheckpoint < checkpoints.size(); nextCheckpoint++) {
            long size = checkpoints.get(nextCheckpoint).treeSize();
            checkpointsChecked++;
            add(Kind.CHECKPOINT_BEYOND_JOURNAL, size, size > headSize
                    ? "checkpoint " + size + " covers more entries than the journal's committed size " + headSize
                    : "checkpoint " + size + " cannot be recomputed because entries are missing");
        }
        while (nodeRowPresent) {
            if (!treeBroken) {
                TreeNode extra = currentRow();
                add(Kind.NODE_UNEXPECTED, extra.id().firstLeaf(), describe(extra) + " is stored but no entries complete it");
            }
            advanceNode();
        }
    }

    private void add(Kind kind, long position, String detail) {
        findingCount++;
        if (findings.size() < JournalAudit.MAX_FINDINGS) {
            findings.add(new AuditFinding(kind, position, detail));
        }
    }
}
