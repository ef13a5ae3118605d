package io.cairn.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The migrations one module owns: its own PostgreSQL schema, its own SQL scripts and its own history
 * table, so modules evolve their tables independently and versions never collide.
 *
 * @param schema   schema name, e.g. {@code identity}
 * @param location Flyway location of the versioned scripts, e.g. {@code classpath:db/cairn/identity}
 */
public record SchemaMigration(String schema, String location) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    /** Validates the names. */
    public SchemaMigration {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(location, "location");
        if (!NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema names are lower-case identifiers: " + schema);
        }
    }

    /** A module's migrations at the conventional location {@code classpath:db/cairn/<schema>}. */
    public static SchemaMigration of(String schema) {
        return new SchemaMigration(schema, "classpath:db/cairn/" + schema);
    }
}
