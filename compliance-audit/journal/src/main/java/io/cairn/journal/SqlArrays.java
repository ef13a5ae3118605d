package io.cairn.journal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/** PostgreSQL arrays from Java arrays, primitive ones included, so a batch travels in one statement. */
final class SqlArrays {
    private SqlArrays() {
    }

    /**
     * An array parameter.
     *
     * @param c        a pooled PostgreSQL connection
     * @param type     element type name, e.g. {@code int8} or {@code bytea}
     * @param elements a Java array ({@code long[]}, {@code short[]}, {@code byte[][]}, {@code String[]}, ...)
     * @return the SQL array
     */
    static Array of(Connection c, String type, Object elements) throws SQLException {
        return c.unwrap(PGConnection.class).createArrayOf(type, elements);
    }
}
