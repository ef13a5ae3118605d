package io.cairn.storage;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Runs every module's versioned migrations, forward only, at startup. */
final class Migrations {
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    static void apply(DataSource dataSource, List<SchemaMigration> migrations) {
        for (SchemaMigration migration : migrations) {
            try {
                MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                        .dataSource(dataSource)
                        .schemas(migration.schema())
                        .defaultSchema(migration.schema())
                        .createSchemas(true)
                        .table("schema_history")
                        .locations(migration.location())
                        .cleanDisabled(true)
                        .validateMigrationNaming(true)
                        .load()
                        .migrate();
                if (result.migrationsExecuted > 0) {
                    LOG.info(() -> "schema " + migration.schema() + ": applied " + result.migrationsExecuted
                            + " migration(s), now at version " + result.targetSchemaVersion);
                }
            } catch (FlywayException e) {
                if (StoreFailures.isUnavailable(e)) {
                    throw StoreFailures.unavailable(e);
                }
                throw new CairnException(ErrorCode.STORE_MIGRATION_FAILED,
                        "migration of schema " + migration.schema() + " failed: " + e.getMessage(), e);
            }
        }
    }
}
