package io.cairn.blocks;

import io.cairn.storage.SchemaMigration;

/** The database schema {@code blocks} this module keeps its tables in. */
public final class BlocksDatabase {
    /** The module's schema migrations, to pass to {@code Database.open}. */
    public static final SchemaMigration MIGRATION = SchemaMigration.of("blocks");

    private BlocksDatabase() {
    }
}
