package io.cairn.storage.leadership;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Opens the dedicated, unpooled connection that holds a {@link LeaderLease}. A pooled connection must never
 * be used: the pool would hand it to requests, recycle it, and the lock would move with it.
 */
@FunctionalInterface
public interface LeaseConnector {

    /** Opens a new connection; the lease closes it when it loses or releases the lease. */
    Connection open() throws SQLException;

    /**
     * A connector to the same server, database and user as an appliance's connection pool (for
     * {@code Database.dataSource()}), opening its own connections outside the pool.
     *
     * @throws IllegalArgumentException when the data source is not a HikariCP pool
     */
    static LeaseConnector sameServerAs(DataSource pool) {
        if (!(pool instanceof HikariDataSource hikari)) {
            throw new IllegalArgumentException("not a HikariCP pool: " + pool.getClass().getName());
        }
        return () -> {
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", "cairn-leader-lease");
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        };
    }

    /** A connector for a JDBC URL and driver properties (user, password, sslmode, ...). */
    static LeaseConnector of(String jdbcUrl, Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return () -> DriverManager.getConnection(jdbcUrl, copy);
    }
}
