/**
 * PostgreSQL, Cairn's only store: an embedded server in the data directory by default or an external one
 * by configuration, a pooled {@link javax.sql.DataSource}, one schema and one migration history per
 * module ({@link io.cairn.storage.SchemaMigration}), a readiness probe, and the translation of
 * connection failures into the catalogued "database unavailable" error.
 */
package io.cairn.storage;
