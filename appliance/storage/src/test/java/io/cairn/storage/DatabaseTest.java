package io.cairn.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class DatabaseTest {
    private static final List<SchemaMigration> MIGRATIONS = List.of(SchemaMigration.of("sample"));

    @TempDir
    Path dir;

    @Test
    void embeddedServerIsDurableLocalAndKeepsDataAcrossRestarts() throws IOException {
        StorageSettings settings = settings(Map.of("data-directory", dir.toString()));
        try (Database db = Database.open(settings, MIGRATIONS)) {
            assertThat(show(db, "fsync")).isEqualTo("on");
            assertThat(show(db, "synchronous_commit")).isEqualTo("on");
            assertThat(show(db, "listen_addresses")).isEqualTo("127.0.0.1");
            db.jdbi().useHandle(h -> h.execute("insert into sample.notes(body) values ('kept')"));
            assertThat(db.health().isUp()).isTrue();
            assertThat(db.description()).contains("embedded PostgreSQL on 127.0.0.1:");
        }
        Path secret = dir.resolve("secrets/database-password");
        assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Database db = Database.open(settings, MIGRATIONS)) {
            List<String> bodies = db.jdbi().withHandle(h -> h.select("select body from sample.notes").mapTo(String.class).list());
            assertThat(bodies).containsExactly("kept");
        }
    }

    @Test
    void embeddedServerRefusesTheSuperuserAndWrongPasswords() throws IOException {
        try (Database db = Database.open(settings(Map.of("data-directory", dir.toString())), MIGRATIONS)) {
            String url = db.description().replaceAll(".*127.0.0.1:(\\d+).*", "jdbc:postgresql://127.0.0.1:$1/cairn");
            assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "postgres", "")).hasMessageContaining("pg_hba");
            assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url.replace("/cairn", "/postgres"), "postgres", "guess"))
                    .hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "cairn", "guess"))
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void externalDatabaseLossMakesHealthDownAndRequestsUnavailableThenRecovers() throws IOException {
        int port = freePort();
        Path cluster = dir.resolve("external");
        EmbeddedPostgres external = startExternal(cluster, port);
        StorageSettings settings = settings(Map.of("data-directory", dir.resolve("appliance").toString(),
                "storage.mode", "external", "storage.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "storage.username", "postgres", "storage.tls.mode", "disable", "storage.pool.connection-timeout", "500ms"));
        try (Database db = Database.open(settings, MIGRATIONS)) {
            assertThat(db.health().isUp()).isTrue();
            external.close();
            assertThat(awaitHealth(db, false)).isFalse();
            assertThatThrownBy(() -> insert(db)).isInstanceOfSatisfying(CairnException.class,
                    e -> assertThat(e.error()).isEqualTo(ErrorCode.STORE_UNAVAILABLE));
            external = startExternal(cluster, port);
            assertThat(awaitHealth(db, true)).isTrue();
            insert(db);
        } finally {
            external.close();
        }
    }

    @Test
    void externalModeWithoutUrlIsAConfigurationError() {
        StorageSettings settings = settings(Map.of("data-directory", dir.toString(), "storage.mode", "external"));
        assertThatThrownBy(() -> Database.open(settings, MIGRATIONS)).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.CONF_INCONSISTENT));
    }

    private static String show(Database db, String setting) {
        return db.jdbi().withHandle(h -> h.select("show " + setting).mapTo(String.class).one());
    }

    private static void insert(Database db) {
        try {
            db.jdbi().useHandle(h -> h.execute("insert into sample.notes(body) values ('x')"));
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
    }

    private static boolean awaitHealth(Database db, boolean wanted) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (db.health().isUp() == wanted) {
                return wanted;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return !wanted;
    }

    private static EmbeddedPostgres startExternal(Path cluster, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static StorageSettings settings(Map<String, String> values) {
        return StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS), values));
    }
}
