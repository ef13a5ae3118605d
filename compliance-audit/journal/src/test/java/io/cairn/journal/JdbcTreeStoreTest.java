package io.cairn.journal;

import io.cairn.merkle.CompactRange;
import io.cairn.merkle.Hash;
import io.cairn.merkle.TreeNode;
import io.cairn.merkle.TreeStore;
import io.cairn.merkle.TreeStoreContract;
import io.cairn.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL tree store meets the contract every tree store must meet. */
@Tag("integration")
class JdbcTreeStoreTest extends TreeStoreContract {
    @TempDir
    static Path dir;
    static Database db;

    @BeforeAll
    static void open() {
        db = TestDatabase.open(dir);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected TreeStore storeWith(List<Hash> leafHashes) {
        TestDatabase.clear(db);
        CompactRange range = CompactRange.empty();
        db.jdbi().useTransaction(h -> {
            for (int i = 0; i < leafHashes.size(); i++) {
                h.execute("insert into journal.entries (leaf_index, entry, leaf_hash, created_at) values (?, ?, ?, ?)",
                        i, new byte[] {(byte) i}, leafHashes.get(i).bytes(), Instant.EPOCH);
                for (TreeNode node : range.append(leafHashes.get(i))) {
                    if (node.id().level() > 0) {
                        h.execute("insert into journal.tree_nodes (level, node_index, hash) values (?, ?, ?)",
                                node.id().level(), node.id().index(), node.hash().bytes());
                    }
                }
            }
            h.execute("update journal.head set size = ?", leafHashes.size());
        });
        return new JdbcTreeStore(db.dataSource(), leafHashes.size());
    }
}
