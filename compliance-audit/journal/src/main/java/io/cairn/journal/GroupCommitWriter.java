package io.cairn.journal;

import io.cairn.audit.spi.JournalReceipt;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.CompactRange;
import io.cairn.merkle.TreeNode;
import io.cairn.storage.StoreFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the journal: takes whatever appends are waiting (up to a batch), assigns their
 * leaf indexes inside one transaction, stores entries and tree nodes, moves the head and commits; only
 * then are the callers' futures completed. One fsync serves the whole batch.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final DataSource dataSource;
    private final int maxBatch;
    private final BlockingQueue<PendingAppend> queue;
    private final Thread thread;
    private volatile boolean running = true;
    private CompactRange range;
    /** The writer's own connection, kept between batches so that it never queues behind request handlers for the pool. */
    private Connection held;

    GroupCommitWriter(DataSource dataSource, JournalSettings settings, CompactRange range) {
        this.dataSource = dataSource;
        this.maxBatch = settings.maxBatch();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.range = range;
        this.thread = Thread.ofPlatform().name("cairn-journal-writer").daemon(true).unstarted(this::run);
        thread.start();
    }

    void submit(PendingAppend append) {
        if (!running) {
            append.receipt().completeExceptionally(stopped());
            return;
        }
        try {
            if (!queue.offer(append, 5, TimeUnit.SECONDS)) {
                append.receipt().completeExceptionally(new CairnException(ErrorCode.JOURNAL_UNAVAILABLE,
                        "the journal's commit queue is full; nothing was recorded, retry later"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            append.receipt().completeExceptionally(stopped());
        }
    }

    private void run() {
        List<PendingAppend> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                PendingAppend first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commitWithRetry(batch);
            } catch (InterruptedException e) {
                running = false;
            } catch (RuntimeException | Error e) {
                LOG.error("journal writer failed a batch of {}", batch.size(), e);
                batch.forEach(a -> a.receipt().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commitWithRetry(List<PendingAppend> batch) {
        try {
            if (!commit(batch)) {
                // the stored head moved (a commit whose outcome we did not see): start again from the database
                range = CompactRange.resume(new JdbcTreeStore(dataSource, storedSize()));
                if (!commit(batch)) {
                    throw new IllegalStateException("the journal head changed under the writer twice");
                }
            }
        } catch (SQLException | RuntimeException e) {
            RuntimeException failure = StoreFailures.translate(
                    e instanceof RuntimeException r ? r : new IllegalStateException("journal commit failed", e));
            LOG.warn("journal commit of {} appends failed: {}", batch.size(), e.toString());
            batch.forEach(a -> a.receipt().completeExceptionally(failure));
        }
    }

    /** One transaction for the batch; false when the head was not where the writer expected it. */
    private boolean commit(List<PendingAppend> batch) throws SQLException {
        boolean committed = false;
        Connection c = connection();
        List<TreeNode> edge = range.edge();
        long sizeBefore = range.size();
        try {
            try {
                followHead(EntryRows.lockHead(c));
                edge = range.edge();
                sizeBefore = range.size();
                Map<String, StoredEntry> existing = EntryRows.byKeys(c, batch);
                BatchPlan plan = BatchPlan.of(batch, existing, range);
                Instant at = plan.fresh.isEmpty() ? Instant.now() : EntryRows.insert(c, plan);
                if (at == null) {
                    c.rollback();
                    return false;
                }
                c.commit();
                committed = true;
                complete(plan, batch, at);
                return true;
            } finally {
                if (!committed) {
                    rollbackQuietly(c);
                    range = CompactRange.of(sizeBefore, edge.stream().map(TreeNode::hash).toList());
                }
            }
        } catch (SQLException | RuntimeException e) {
            release();
            throw e;
        }
    }

    /**
     * Another appliance instance sharing the database (an HA pair) may have appended since this writer's last
     * batch; the head row is locked now, so the stored tree cannot move until this batch commits.
     */
    private void followHead(long storedSize) {
        if (storedSize != range.size()) {
            LOG.debug("journal head at {} (this writer had {}): another instance appended", storedSize, range.size());
            range = CompactRange.resume(new JdbcTreeStore(dataSource, storedSize));
        }
    }

    private Connection connection() throws SQLException {
        if (held == null || held.isClosed()) {
            held = dataSource.getConnection();
            held.setAutoCommit(false);
        }
        return held;
    }

    /** Gives the held connection back (after a failure it may be broken; the pool checks it before reuse). */
    private void release() {
        if (held != null) {
            try {
                held.close();
            } catch (SQLException e) {
                LOG.debug("closing the writer's connection failed", e);
            }
            held = null;
        }
    }

    private static void complete(BatchPlan plan, List<PendingAppend> batch, Instant at) {
        List<JournalReceipt> fresh = new ArrayList<>(plan.fresh.size());
        for (int i = 0; i < plan.fresh.size(); i++) {
            fresh.add(new JournalReceipt(plan.freshIndexes.get(i), plan.fresh.get(i).leafHash().base64(), at));
        }
        for (PendingAppend append : batch) {
            if (plan.conflicts.containsKey(append)) {
                append.receipt().completeExceptionally(plan.conflicts.get(append));
            } else if (plan.replays.containsKey(append)) {
                append.receipt().complete(plan.replays.get(append).receipt());
            } else if (plan.sameAsFresh.containsKey(append)) {
                append.receipt().complete(fresh.get(plan.sameAsFresh.get(append)));
            }
        }
        for (int i = 0; i < plan.fresh.size(); i++) {
            plan.fresh.get(i).receipt().complete(fresh.get(i));
        }
    }

    private long storedSize() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return EntryRows.headSize(c);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    private static CairnException stopped() {
        return new CairnException(ErrorCode.JOURNAL_UNAVAILABLE, "the journal is stopped; nothing was recorded");
    }

    /** Stops accepting appends, commits what is queued and stops the writer thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            release();
        }
        List<PendingAppend> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(a -> a.receipt().completeExceptionally(stopped()));
    }
}
