package io.cairn.journal;

import io.cairn.merkle.Hash;
import io.cairn.merkle.TreeNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the journal's entry, node and head tables. */
final class EntryRows {
    /**
     * Entries, tree nodes and the head move in one statement; when the head is not at the size the
     * batch was planned on, no row is returned and the caller rolls back.
     */
    private static final String INSERT = """
            with new_entries as (
                insert into journal.entries (leaf_index, entry, leaf_hash, idempotency_key, created_at)
                select i, e, h, k, now() from unnest(?::bigint[], ?::bytea[], ?::bytea[], ?::text[]) as t(i, e, h, k)
            ), new_nodes as (
                insert into journal.tree_nodes (level, node_index, hash)
                select l, x, h from unnest(?::smallint[], ?::bigint[], ?::bytea[]) as t(l, x, h)
            )
            update journal.head set size = ?, updated_at = now() where id and size = ? returning updated_at""";

    private EntryRows() {
    }

    /** Inserts a planned batch; the commit time, or null when the head had moved. */
    static Instant insert(Connection c, BatchPlan plan) throws SQLException {
        int count = plan.fresh.size();
        long[] indexes = new long[count];
        byte[][] entries = new byte[count][];
        byte[][] hashes = new byte[count][];
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            PendingAppend append = plan.fresh.get(i);
            indexes[i] = plan.freshIndexes.get(i);
            entries[i] = append.entry();
            hashes[i] = append.leafHash().bytes();
            keys[i] = append.idempotencyKey().orElse(null);
        }
        List<TreeNode> nodes = plan.nodes;
        short[] levels = new short[nodes.size()];
        long[] nodeIndexes = new long[nodes.size()];
        byte[][] nodeHashes = new byte[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            levels[i] = (short) nodes.get(i).id().level();
            nodeIndexes[i] = nodes.get(i).id().index();
            nodeHashes[i] = nodes.get(i).hash().bytes();
        }
        try (PreparedStatement p = c.prepareStatement(INSERT)) {
            p.setArray(1, SqlArrays.of(c, "int8", indexes));
            p.setArray(2, SqlArrays.of(c, "bytea", entries));
            p.setArray(3, SqlArrays.of(c, "bytea", hashes));
            p.setArray(4, SqlArrays.of(c, "text", keys));
            p.setArray(5, SqlArrays.of(c, "int2", levels));
            p.setArray(6, SqlArrays.of(c, "int8", nodeIndexes));
            p.setArray(7, SqlArrays.of(c, "bytea", nodeHashes));
            p.setLong(8, plan.endSize());
            p.setLong(9, plan.startSize);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }

    /** Entries already stored under the idempotency keys of a batch. */
    static Map<String, StoredEntry> byKeys(Connection c, List<PendingAppend> batch) throws SQLException {
        String[] keys = batch.stream().flatMap(a -> a.idempotencyKey().stream()).distinct().toArray(String[]::new);
        Map<String, StoredEntry> found = new HashMap<>();
        if (keys.length == 0) {
            return found;
        }
        Array array = SqlArrays.of(c, "text", keys);
        try (PreparedStatement p = c.prepareStatement("select idempotency_key, leaf_index, entry, leaf_hash, created_at"
                + " from journal.entries where idempotency_key = any(?)")) {
            p.setArray(1, array);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new StoredEntry(rs.getLong(2), rs.getBytes(3), Hash.of(rs.getBytes(4)),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        } finally {
            array.free();
        }
        return found;
    }

    /** The committed size, with the head row locked until the transaction ends (writers queue here). */
    static long lockHead(Connection c) throws SQLException {
        return head(c, "select size from journal.head where id for update");
    }

    /** The committed tree size. */
    static long headSize(Connection c) throws SQLException {
        return head(c, "select size from journal.head where id");
    }

    private static long head(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the journal head row is missing; run the journal audit");
            }
            return rs.getLong(1);
        }
    }

    /** The committed entries with {@code fromIndex <= leaf_index < toIndex}, in index order. */
    static List<JournalEntry> entries(Connection c, long fromIndex, long toIndex) throws SQLException {
        List<JournalEntry> entries = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select leaf_index, entry, leaf_hash, idempotency_key, created_at"
                + " from journal.entries where leaf_index >= ? and leaf_index < ? order by leaf_index")) {
            p.setLong(1, fromIndex);
            p.setLong(2, toIndex);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    entries.add(new JournalEntry(rs.getLong(1), rs.getBytes(2), Hash.of(rs.getBytes(3)),
                            Optional.ofNullable(rs.getString(4)), rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return entries;
    }

    /** One stored entry. */
    static Optional<JournalEntry> entry(Connection c, long leafIndex) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select entry, leaf_hash, idempotency_key, created_at"
                + " from journal.entries where leaf_index = ?")) {
            p.setLong(1, leafIndex);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new JournalEntry(leafIndex, rs.getBytes(1), Hash.of(rs.getBytes(2)),
                        Optional.ofNullable(rs.getString(3)), rs.getTimestamp(4).toInstant()));
            }
        }
    }
}
