package io.cairn.blocks;

import io.cairn.merkle.Hash;
import io.cairn.storage.StoreFailures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/** Column conversions shared by this module's SQL, and translation of database failures. */
final class SqlValues {
    private SqlValues() {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static Hash hash(ResultSet rs, String column) throws SQLException {
        return Hash.of(rs.getBytes(column));
    }

    /** An instant as a bind value: {@code timestamptz} in UTC (PostgreSQL keeps microseconds). */
    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Runs database work, turning a lost connection into the catalogued "database unavailable" error. */
    static <T> T run(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
    }
}
