package io.cairn.journal;

import io.cairn.merkle.Hash;
import io.cairn.merkle.NodeId;
import io.cairn.merkle.TreeStore;
import io.cairn.storage.StoreFailures;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The journal's Merkle tree as stored in PostgreSQL, seen at a fixed size: leaves are
 * {@code journal.entries.leaf_hash}, higher perfect subtrees {@code journal.tree_nodes}. A proof's
 * O(log n) nodes are read with one query.
 */
public final class JdbcTreeStore implements TreeStore {
    private static final String NODES = """
            select coalesce(n.hash, e.leaf_hash)
              from unnest(?::int[], ?::bigint[]) with ordinality as t(lvl, idx, ord)
              left join journal.tree_nodes n on t.lvl > 0 and n.level = t.lvl and n.node_index = t.idx
              left join journal.entries e on t.lvl = 0 and e.leaf_index = t.idx
             order by t.ord""";

    private final DataSource dataSource;
    private final long size;

    /**
     * A view of the stored tree.
     *
     * @param dataSource the database holding the {@code journal} schema
     * @param size       the tree size this view answers for; at most the committed size
     */
    public JdbcTreeStore(DataSource dataSource, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        this.dataSource = dataSource;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Hash node(NodeId id) {
        return nodes(List.of(id)).get(0);
    }

    @Override
    public List<Hash> nodes(List<NodeId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        int[] levels = new int[ids.size()];
        long[] indexes = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            NodeId id = ids.get(i);
            if (id.endLeaf() > size) {
                throw new IllegalArgumentException(id + " is not complete in a tree of " + size + " leaves");
            }
            levels[i] = id.level();
            indexes[i] = id.index();
        }
        try (Connection c = dataSource.getConnection()) {
            return query(c, ids, levels, indexes);
        } catch (SQLException e) {
            throw StoreFailures.translate(new IllegalStateException("cannot read journal tree nodes", e));
        }
    }

    private static List<Hash> query(Connection c, List<NodeId> ids, int[] levels, long[] indexes) throws SQLException {
        Array levelArray = SqlArrays.of(c, "int4", levels);
        Array indexArray = SqlArrays.of(c, "int8", indexes);
        try (PreparedStatement p = c.prepareStatement(NODES)) {
            p.setArray(1, levelArray);
            p.setArray(2, indexArray);
            List<Hash> hashes = new ArrayList<>(ids.size());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    byte[] hash = rs.getBytes(1);
                    if (hash == null) {
                        throw new IllegalStateException("journal tree node " + ids.get(hashes.size())
                                + " is missing from the database; run the journal audit");
                    }
                    hashes.add(Hash.of(hash));
                }
            }
            return hashes;
        } finally {
            levelArray.free();
            indexArray.free();
        }
    }
}
