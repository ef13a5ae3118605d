package io.cairn.anchoring;

import io.cairn.connector.spi.AnchorReceipt;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The durable anchor queue, table {@code anchoring.anchor_jobs}, keyed by (application, sequence, ledger).
 * Every state change is its own committed statement, so a crash leaves each job in the last state written.
 */
public final class AnchorJobs {
    private static final String COLUMNS = "app, seq, ledger, block_hash, sealed_at, state, attempts, "
            + "next_attempt_at, last_error, tx_id, block_number, ledger_block_hash, log_position, reported, "
            + "broken_count, submitting_at";
    private static final String WAITING = "('queued', 'submitting', 'broken')";
    private static final String KEY = " where app = :app and seq = :seq and ledger = :ledger";
    private final Jdbi jdbi;

    /**
     * The queue in a database migrated with {@code SchemaMigration.of("anchoring")}.
     *
     * @param jdbi the database
     */
    public AnchorJobs(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Queues blocks not yet queued for the ledger; returns how many were new. */
    int enqueue(String ledger, List<PendingBlock> blocks, Instant now) {
        if (blocks.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("insert into anchoring.anchor_jobs (app, seq, ledger, block_hash, "
                    + "sealed_at, state, next_attempt_at, queued_at, updated_at) values (:app, :seq, :ledger, :hash, "
                    + ":sealed, 'queued', :now, :now, :now) on conflict do nothing");
            for (PendingBlock b : blocks) {
                batch.bind("app", b.app()).bind("seq", b.seq()).bind("ledger", ledger).bind("hash", b.blockHash())
                        .bind("sealed", ts(b.sealedAt())).bind("now", ts(now)).add();
            }
            return Arrays.stream(batch.execute()).sum();
        });
    }

    /** Jobs whose next attempt is due, oldest block first. */
    List<AnchorJob> due(String ledger, Instant now, int limit) {
        return select("ledger = :ledger and state in " + WAITING + " and next_attempt_at <= :now "
                + "order by sealed_at, app, seq limit :limit", ledger, now, limit);
    }

    /** Anchored jobs awaiting finality, oldest anchor first. */
    List<AnchorJob> awaitingFinality(String ledger, int limit) {
        return select("ledger = :ledger and state = 'anchored' order by anchored_at limit :limit", ledger, null, limit);
    }

    /** Final jobs last verified at or before {@code before}, least recently verified first. */
    List<AnchorJob> dueForRescan(String ledger, Instant before, int limit) {
        return select("ledger = :ledger and state = 'final' and last_verified_at <= :now "
                + "order by last_verified_at limit :limit", ledger, before, limit);
    }

    /** Anchored or final jobs whose state {@link AnchorOutcomes} has not yet acknowledged. */
    List<AnchorJob> unreported(String ledger, int limit) {
        return select("ledger = :ledger and state in ('anchored', 'final') and not reported "
                + "order by updated_at limit :limit", ledger, null, limit);
    }

    /** One job. */
    public Optional<AnchorJob> find(String app, long seq, String ledger) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from anchoring.anchor_jobs" + KEY)
                .bind("app", app).bind("seq", seq).bind("ledger", ledger).map((rs, ctx) -> read(rs)).findOne());
    }

    private List<AnchorJob> select(String where, String ledger, Instant now, int limit) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("select " + COLUMNS + " from anchoring.anchor_jobs where " + where)
                    .bind("ledger", ledger).bind("limit", limit);
            if (now != null) {
                query.bind("now", ts(now));
            }
            return query.map((rs, ctx) -> read(rs)).list();
        });
    }

    /** Commits the start of a submission, before the connector is called. */
    void markSubmitting(AnchorJob job, Instant now) {
        update(job, "state = 'submitting', attempts = attempts + 1, submitting_at = :now", now);
    }

    /** Records where the anchor landed (sent now, found on the ledger, or re-included after a fork). */
    void markAnchored(AnchorJob job, AnchorReceipt r, Instant now) {
        jdbi.useHandle(h -> bindKey(h.createUpdate("update anchoring.anchor_jobs set state = 'anchored', "
                        + "tx_id = :tx, block_number = :number, ledger_block_hash = :hash, log_position = :position, "
                        + "last_error = null, reported = false, anchored_at = :now, final_at = null, "
                        + "last_verified_at = :now, updated_at = :now" + KEY), job)
                .bind("tx", r.transactionId()).bind("number", r.blockNumber()).bind("hash", r.blockHash())
                .bind("position", r.position()).bind("now", ts(now)).execute());
    }

    /** Records finality. */
    void markFinal(AnchorJob job, Instant now) {
        update(job, "state = 'final', final_at = :now, last_verified_at = :now, reported = false", now);
    }

    /** Records that the ledger still holds the anchor. */
    void markVerified(AnchorJob job, Instant now) {
        update(job, "last_verified_at = :now", now);
    }

    /** Records that {@link AnchorOutcomes} acknowledged the current state. */
    void markReported(AnchorJob job, Instant now) {
        update(job, "reported = true", now);
    }

    /** Records a vanished or forked anchor. */
    void markBroken(AnchorJob job, String reason, Instant now) {
        jdbi.useHandle(h -> bindKey(h.createUpdate("update anchoring.anchor_jobs set state = 'broken', "
                + "broken_count = broken_count + 1, broken_at = :now, last_error = :reason, updated_at = :now" + KEY), job)
                .bind("reason", reason).bind("now", ts(now)).execute());
    }

    /** Puts a broken job back in the queue, its old receipt dropped, to be anchored again now. */
    void requeue(AnchorJob job, Instant now) {
        update(job, "state = 'queued', attempts = 0, next_attempt_at = :now, tx_id = null, block_number = null, "
                + "ledger_block_hash = null, log_position = null, reported = true", now);
    }

    /** Records a failed or unknown attempt and when to try again ({@code countAttempt}: it never reached submitting). */
    void retryLater(AnchorJob job, JobState state, String error, Instant next, Instant now, boolean countAttempt) {
        jdbi.useHandle(h -> bindKey(h.createUpdate("update anchoring.anchor_jobs set state = :state, "
                        + "attempts = attempts + :counted, last_error = :error, next_attempt_at = :next, "
                        + "updated_at = :now" + KEY), job)
                .bind("state", state.label()).bind("counted", countAttempt ? 1 : 0).bind("error", error)
                .bind("next", ts(next)).bind("now", ts(now)).execute());
    }

    private void update(AnchorJob job, String set, Instant now) {
        jdbi.useHandle(h -> bindKey(h.createUpdate("update anchoring.anchor_jobs set " + set
                + ", updated_at = :now" + KEY), job).bind("now", ts(now)).execute());
    }

    /** Jobs of the ledger not yet final (queued, submitting, anchored, broken). */
    long openCount(String ledger) {
        return count("state <> 'final'", ledger);
    }

    /** Jobs of the ledger waiting to be anchored (queued, submitting, broken). */
    public long queueDepth(String ledger) {
        return count("state in " + WAITING, ledger);
    }

    /** Age at {@code now} of the oldest block not yet anchored on the ledger; zero when none waits. */
    public Duration lag(String ledger, Instant now) {
        Optional<Instant> oldest = jdbi.withHandle(h -> h.createQuery("select min(sealed_at) from "
                        + "anchoring.anchor_jobs where ledger = :ledger and state in " + WAITING).bind("ledger", ledger)
                .map((rs, ctx) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).one());
        return oldest.map(t -> Duration.between(t, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }

    private long count(String where, String ledger) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from anchoring.anchor_jobs where ledger = :ledger "
                + "and " + where).bind("ledger", ledger).mapTo(Long.class).one());
    }

    private static <S extends SqlStatement<S>> S bindKey(S statement, AnchorJob job) {
        return statement.bind("app", job.block().app()).bind("seq", job.block().seq()).bind("ledger", job.ledger());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static AnchorJob read(ResultSet rs) throws SQLException {
        PendingBlock block = new PendingBlock(rs.getString("app"), rs.getLong("seq"), rs.getBytes("block_hash"),
                rs.getTimestamp("sealed_at").toInstant());
        String ledger = rs.getString("ledger");
        Optional<AnchorReceipt> receipt = Optional.ofNullable(rs.getString("tx_id")).map(tx -> uncheckedReceipt(rs,
                ledger, tx, block));
        return new AnchorJob(block, ledger, JobState.of(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), Optional.ofNullable(rs.getString("last_error")),
                receipt, rs.getBoolean("reported"), rs.getInt("broken_count"),
                Optional.ofNullable(rs.getTimestamp("submitting_at")).map(Timestamp::toInstant));
    }

    private static AnchorReceipt uncheckedReceipt(ResultSet rs, String ledger, String tx, PendingBlock block) {
        try {
            return new AnchorReceipt(ledger, tx, rs.getLong("block_number"), rs.getString("ledger_block_hash"),
                    rs.getLong("log_position"), block.pointer());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the anchor receipt of " + block, e);
        }
    }
}
