package io.cairn.journal;

import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.storage.Database;
import io.cairn.storage.StorageSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Opens the embedded PostgreSQL of a data directory with the journal schema, as the appliance does. */
final class TestDatabase {
    private TestDatabase() {
    }

    static Database open(Path dataDirectory) {
        StorageSettings storage = StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS),
                Map.of("data-directory", dataDirectory.toString(), "storage.pool.max-size", "12")));
        return Database.open(storage, List.of(PostgresJournal.MIGRATION));
    }

    /** Empties the journal's tables, for tests sharing one database. */
    static void clear(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("truncate journal.entries, journal.tree_nodes, journal.checkpoints");
            h.execute("update journal.head set size = 0");
        });
    }
}
