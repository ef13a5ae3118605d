package io.cairn.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The appliance's database: the embedded server or an external one, a connection pool, migrations applied
 * at open, and a health probe. Closing it closes the pool and stops the embedded server.
 */
public final class Database implements AutoCloseable {
    private final Optional<EmbeddedServer> embedded;
    private final HikariDataSource dataSource;
    private final DatabaseHealth health;
    private final Jdbi jdbi;
    private final String description;

    private Database(Optional<EmbeddedServer> embedded, HikariDataSource dataSource, String description) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.health = new DatabaseHealth(dataSource, Clock.systemUTC());
        this.jdbi = Jdbi.create(dataSource);
        this.description = description;
    }

    /**
     * Opens the database described by the settings and applies every module's migrations.
     *
     * @throws CairnException {@code CAIRN-STORE-0001} when it cannot be reached,
     *                        {@code CAIRN-STORE-0002} when a migration fails
     */
    public static Database open(StorageSettings settings, List<SchemaMigration> migrations) {
        Optional<EmbeddedServer> embedded = Optional.empty();
        HikariConfig pool = new HikariConfig();
        String description;
        if (settings.embedded()) {
            EmbeddedServer server = EmbeddedServer.start(settings.dataDirectory(), settings.embeddedClusterDirectory(),
                    settings.embeddedPort());
            embedded = Optional.of(server);
            pool.setJdbcUrl(server.jdbcUrl());
            pool.setUsername(EmbeddedServer.ROLE);
            pool.setPassword(server.password());
            description = "embedded PostgreSQL on 127.0.0.1:" + server.port() + ", data in "
                    + settings.embeddedClusterDirectory();
        } else {
            String url = settings.url().orElseThrow(() -> new CairnException(ErrorCode.CONF_INCONSISTENT,
                    "storage.mode is external but storage.url is not set"));
            pool.setJdbcUrl(url);
            settings.username().ifPresent(pool::setUsername);
            settings.password().ifPresent(pool::setPassword);
            pool.addDataSourceProperty("sslmode", settings.tlsMode());
            settings.tlsRootCertificate().ifPresent(p -> pool.addDataSourceProperty("sslrootcert", p.toString()));
            description = "external PostgreSQL " + redact(url);
        }
        configurePool(pool, settings);
        HikariDataSource dataSource = openPool(pool, embedded);
        Database database = new Database(embedded, dataSource, description);
        try {
            Migrations.apply(dataSource, migrations);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private static void configurePool(HikariConfig pool, StorageSettings settings) {
        pool.setPoolName("cairn-db");
        pool.setMaximumPoolSize(settings.poolMaxSize());
        pool.setMinimumIdle(Math.min(2, settings.poolMaxSize()));
        pool.setConnectionTimeout(Math.max(250, settings.connectionTimeout().toMillis()));
        pool.setValidationTimeout(1000);
        pool.setKeepaliveTime(30_000);
        pool.setInitializationFailTimeout(-1);
        pool.addDataSourceProperty("connectTimeout", "5");
        pool.addDataSourceProperty("socketTimeout", "60");
        pool.addDataSourceProperty("tcpKeepAlive", "true");
        pool.addDataSourceProperty("ApplicationName", "cairn");
    }

    private static HikariDataSource openPool(HikariConfig pool, Optional<EmbeddedServer> embedded) {
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedServer::close);
            throw StoreFailures.unavailable(e);
        }
    }

    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The pooled data source. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** JDBI over the pool. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The readiness probe. */
    public DatabaseHealth health() {
        return health;
    }

    /** Where the database is, for startup logs; never contains credentials. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        embedded.ifPresent(EmbeddedServer::close);
    }
}
