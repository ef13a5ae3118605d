package io.cairn.journal;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.audit.spi.CanonicalEntry;
import io.cairn.audit.spi.JournalReceipt;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.CompactRange;
import io.cairn.merkle.TreeHasher;
import io.cairn.merkle.TreeStore;
import io.cairn.storage.SchemaMigration;
import io.cairn.storage.StoreFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * The audit journal in PostgreSQL (schema {@code journal}, migrations {@link #MIGRATION}).
 *
 * <p>Appends are encoded and hashed on the caller's thread and committed in batches by one writer
 * thread ({@link GroupCommitWriter}); each caller's future completes after its batch commits. Leaf
 * indexes are assigned inside the committing transaction, so they stay gap-free whatever fails.
 */
public final class PostgresJournal implements AuditJournal, AutoCloseable {
    /** The journal's schema migrations, to pass to {@code Database.open}. */
    public static final SchemaMigration MIGRATION = SchemaMigration.of("journal");

    private final DataSource dataSource;
    private final GroupCommitWriter writer;

    private PostgresJournal(DataSource dataSource, GroupCommitWriter writer) {
        this.dataSource = dataSource;
        this.writer = writer;
    }

    /**
     * Opens the journal: reads the committed size and the tree's right edge and starts the writer.
     *
     * @param dataSource a database migrated with {@link #MIGRATION}
     * @param settings   journal settings
     * @return the running journal; close it to stop the writer
     */
    public static PostgresJournal open(DataSource dataSource, JournalSettings settings) {
        long size;
        try (Connection c = dataSource.getConnection()) {
            size = EntryRows.headSize(c);
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
        CompactRange range = CompactRange.resume(new JdbcTreeStore(dataSource, size));
        return new PostgresJournal(dataSource, new GroupCommitWriter(dataSource, settings, range));
    }

    @Override
    public CompletableFuture<JournalReceipt> appendAsync(AuditEvent event) {
        CompletableFuture<JournalReceipt> receipt = new CompletableFuture<>();
        byte[] entry;
        try {
            entry = CanonicalEntry.encode(event);
        } catch (IllegalArgumentException e) {
            receipt.completeExceptionally(new CairnException(ErrorCode.JOURNAL_EVENT_INVALID, e.getMessage()));
            return receipt;
        }
        writer.submit(new PendingAppend(entry, TreeHasher.leafHash(entry), event.idempotencyKey(), receipt));
        return receipt;
    }

    /**
     * The number of committed entries (the current tree size), as the database has it: appliance instances
     * sharing the database append to the same journal, so this writer's own count can be behind.
     */
    public long size() {
        try (Connection c = dataSource.getConnection()) {
            return EntryRows.headSize(c);
        } catch (SQLException e) {
            throw StoreFailures.translate(new IllegalStateException("cannot read the journal size", e));
        }
    }

    /** The stored tree at a committed size, for proofs. */
    public TreeStore treeStore(long treeSize) {
        long committed = size();
        if (treeSize < 0 || treeSize > committed) {
            throw new IllegalArgumentException("tree size must be between 0 and " + committed + ": " + treeSize);
        }
        return new JdbcTreeStore(dataSource, treeSize);
    }

    /** The committed entry at a leaf index. */
    public Optional<JournalEntry> entry(long leafIndex) {
        if (leafIndex < 0) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            return leafIndex < EntryRows.headSize(c) ? EntryRows.entry(c, leafIndex) : Optional.empty();
        } catch (SQLException e) {
            throw StoreFailures.translate(new IllegalStateException("cannot read journal entry", e));
        }
    }

    /**
     * The committed entries in a range of leaf indexes, in index order; a range beyond the committed size
     * is cut at it. Read a large range in pages.
     *
     * @param fromIndex first leaf index
     * @param toIndex   leaf index after the last one
     * @return the entries as stored
     */
    public List<JournalEntry> entries(long fromIndex, long toIndex) {
        if (fromIndex < 0 || fromIndex >= toIndex) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            long end = Math.min(toIndex, EntryRows.headSize(c));
            return fromIndex < end ? EntryRows.entries(c, fromIndex, end) : List.of();
        } catch (SQLException e) {
            throw StoreFailures.translate(new IllegalStateException("cannot read journal entries", e));
        }
    }

    /** The database the journal lives in. */
    DataSource dataSource() {
        return dataSource;
    }

    /** Commits what is queued, then stops accepting appends. */
    @Override
    public void close() {
        writer.close();
    }
}
