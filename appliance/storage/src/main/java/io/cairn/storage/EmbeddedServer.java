package io.cairn.storage;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.files.SecretFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A private PostgreSQL server that lives in the appliance data directory, listens on 127.0.0.1 only and
 * accepts only the {@code cairn} role with a generated password (SCRAM), kept in a file readable by the
 * appliance user alone. Durability is PostgreSQL's own: fsync and synchronous commit are on.
 */
final class EmbeddedServer implements AutoCloseable {
    static final String DATABASE = "cairn";
    static final String ROLE = "cairn";
    private static final String HBA_MARKER = "# managed by cairn";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    static EmbeddedServer start(Path dataDirectory, Path clusterDirectory, int port) {
        try {
            Files.createDirectories(clusterDirectory);
            OrphanedServer.stopIfRunning(clusterDirectory);
            Path secrets = dataDirectory.resolve("secrets");
            String password = password(secrets.resolve("database-password"));
            String superuserPassword = password(secrets.resolve("database-superuser-password"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // TCP on loopback only: no Unix socket in the shared /tmp, where servers of instances in
                    // different network namespaces (same port number, same file system) would collide
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", superuserPassword);
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedServer server = new EmbeddedServer(postgres, password);
            server.secure(clusterDirectory.resolve("pg_hba.conf"), superuserPassword);
            return server;
        } catch (IOException | SQLException e) {
            throw new CairnException(ErrorCode.STORE_UNAVAILABLE,
                    "the embedded PostgreSQL server in " + clusterDirectory + " could not start: " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    int port() {
        return postgres.getPort();
    }

    String password() {
        return password;
    }

    /**
     * On the first start the cluster trusts local connections: create the role and database, then switch
     * authentication to SCRAM for the {@code cairn} role only. Idempotent.
     */
    private void secure(Path hba, String superuserPassword) throws IOException, SQLException {
        if (Files.readString(hba, StandardCharsets.UTF_8).contains(HBA_MARKER)) {
            return;
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", ROLE)) {
                s.execute("create role " + ROLE + " login");
            }
            // both passwords are generated hexadecimal text, safe to write as SQL literals
            s.execute("alter role " + ROLE + " password '" + hex(password) + "'");
            s.execute("alter role postgres password '" + hex(superuserPassword) + "'");
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                s.execute("create database " + DATABASE + " owner " + ROLE);
            }
            String rules = HBA_MARKER + "\n"
                    + "host    " + DATABASE + "    " + ROLE + "    127.0.0.1/32    scram-sha-256\n"
                    + "host    postgres    postgres    127.0.0.1/32    scram-sha-256\n";
            Path tmp = hba.resolveSibling("pg_hba.conf.tmp");
            Files.writeString(tmp, rules, StandardCharsets.UTF_8);
            Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            s.execute("select pg_reload_conf()");
        }
    }

    private static String hex(String secret) {
        if (!secret.matches("[0-9a-f]{16,}")) {
            throw new IllegalStateException("generated database password file was altered");
        }
        return secret;
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        SecretFiles.write(file, password.getBytes(StandardCharsets.UTF_8));
        return password;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the server is stopped by pg_ctl; a failure here leaves it for the next start to take over
        }
    }
}
