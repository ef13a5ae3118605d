package io.cairn.ca;

import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.membership.Consortium;
import io.cairn.storage.Database;
import io.cairn.storage.SchemaMigration;
import io.cairn.storage.StorageSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real embedded PostgreSQL in a temporary directory with the {@code ca} and {@code consortium} schemas (and more). */
final class TestDatabase {
    private TestDatabase() {
    }

    static Database open(Path dir, SchemaMigration... more) {
        StorageSettings storage = StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS),
                Map.of("data-directory", dir.toString())));
        List<SchemaMigration> migrations = new ArrayList<>(List.of(ConsortiumCa.MIGRATION, Consortium.MIGRATION));
        migrations.addAll(List.of(more));
        return Database.open(storage, migrations);
    }

    /** Forgets the CA (certificate, CRL) and every certificate it issued. */
    static void resetCa(Database db) {
        db.jdbi().useHandle(h -> h.execute("truncate ca.certificates, ca.authority"));
    }
}
