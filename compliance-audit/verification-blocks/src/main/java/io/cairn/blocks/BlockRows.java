package io.cairn.blocks;

import io.cairn.merkle.Hash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL of the {@code blocks.verification_blocks} and {@code blocks.block_anchors} tables. */
final class BlockRows {
    private static final String COLUMNS = "app, seq, prev_block_hash, merkle_root, entries, first_message_seq, "
            + "last_message_seq, created_at, block_hash, status";
    private static final String ANCHOR_COLUMNS = "app, seq, ledger, state, tx_id, height, anchored_at, final_at, "
            + "broken_at, reason";

    private BlockRows() {
    }

    /** Waits for this transaction's exclusive right to seal blocks of an application (released at commit). */
    static void lockForSealing(Handle h, String app) {
        h.createQuery("select 1 from (select pg_advisory_xact_lock(hashtext('cairn.blocks.seal'), "
                        + "hashtext(:app))) locked")
                .bind("app", app).mapTo(Integer.class).one();
    }

    static Optional<VerificationBlock> last(Handle h, String app) {
        return h.createQuery("select " + COLUMNS + " from blocks.verification_blocks where app = :app "
                        + "order by seq desc limit 1")
                .bind("app", app).map((rs, ctx) -> read(rs)).findOne();
    }

    static Optional<VerificationBlock> find(Handle h, String app, long seq) {
        return h.createQuery("select " + COLUMNS + " from blocks.verification_blocks where app = :app and seq = :seq")
                .bind("app", app).bind("seq", seq).map((rs, ctx) -> read(rs)).findOne();
    }

    /**
     * A block, locked until the transaction ends: anchor changes of one block on different ledgers then follow
     * one another, so each sees the others when it derives the block's status.
     */
    static Optional<VerificationBlock> lock(Handle h, String app, long seq) {
        return h.createQuery("select " + COLUMNS + " from blocks.verification_blocks where app = :app and seq = :seq "
                        + "for update")
                .bind("app", app).bind("seq", seq).map((rs, ctx) -> read(rs)).findOne();
    }

    /** Blocks with {@code from <= seq <= to}, in order, at most {@code limit}. */
    static List<VerificationBlock> range(Handle h, String app, long from, long to, int limit) {
        return h.createQuery("select " + COLUMNS + " from blocks.verification_blocks where app = :app "
                        + "and seq between :from and :to order by seq limit :limit")
                .bind("app", app).bind("from", from).bind("to", to).bind("limit", limit)
                .map((rs, ctx) -> read(rs)).list();
    }

    /** Stores a sealed block and assigns its messages to it. */
    static void insert(Handle h, VerificationBlock b) {
        h.createUpdate("insert into blocks.verification_blocks (" + COLUMNS + ") values (:app, :seq, :prev, :root, "
                        + ":entries, :first, :last, :createdAt, :hash, :status)")
                .bind("app", b.app()).bind("seq", b.seq()).bind("prev", b.prevBlockHash().bytes())
                .bind("root", b.merkleRoot().bytes()).bind("entries", b.entries())
                .bind("first", b.firstMessageSeq()).bind("last", b.lastMessageSeq())
                .bind("createdAt", SqlValues.timestamp(b.createdAt())).bind("hash", b.blockHash().bytes())
                .bind("status", b.status().label()).execute();
        int assigned = h.createUpdate("update blocks.messages set block_seq = :seq where app = :app "
                        + "and seq between :first and :last and block_seq is null")
                .bind("seq", b.seq()).bind("app", b.app()).bind("first", b.firstMessageSeq())
                .bind("last", b.lastMessageSeq()).execute();
        if (assigned != b.entries()) {
            throw new IllegalStateException("block " + b.app() + "#" + b.seq() + " should hold " + b.entries()
                    + " unsealed messages, found " + assigned);
        }
    }

    static void markJournaled(Handle h, String app, long seq, long leafIndex) {
        h.createUpdate("update blocks.verification_blocks set journal_leaf_index = :leaf where app = :app and seq = :seq")
                .bind("leaf", leafIndex).bind("app", app).bind("seq", seq).execute();
    }

    /** Blocks of an application not yet journaled, in order. */
    static List<VerificationBlock> unjournaled(Handle h, String app) {
        return h.createQuery("select " + COLUMNS + " from blocks.verification_blocks where app = :app "
                + "and journal_leaf_index is null order by seq").bind("app", app).map((rs, ctx) -> read(rs)).list();
    }

    /** Applications with blocks not yet journaled. */
    static List<String> appsWithUnjournaled(Handle h) {
        return h.createQuery("select distinct app from blocks.verification_blocks where journal_leaf_index is null "
                + "order by app").mapTo(String.class).list();
    }

    static void setStatus(Handle h, String app, long seq, BlockStatus status) {
        h.createUpdate("update blocks.verification_blocks set status = :status where app = :app and seq = :seq")
                .bind("status", status.label()).bind("app", app).bind("seq", seq).execute();
    }

    static List<Hash> digests(Handle h, String app, long blockSeq) {
        return h.createQuery("select digest from blocks.messages where app = :app and block_seq = :block order by seq")
                .bind("app", app).bind("block", blockSeq).map((rs, ctx) -> SqlValues.hash(rs, "digest")).list();
    }

    static List<BlockAnchor> anchors(Handle h, String app, long seq) {
        return h.createQuery("select " + ANCHOR_COLUMNS + " from blocks.block_anchors where app = :app and seq = :seq "
                        + "order by ledger")
                .bind("app", app).bind("seq", seq).map((rs, ctx) -> readAnchor(rs)).list();
    }

    /** Locks and reads a block's anchor on one ledger. */
    static Optional<BlockAnchor> anchorForUpdate(Handle h, String app, long seq, String ledger) {
        return h.createQuery("select " + ANCHOR_COLUMNS + " from blocks.block_anchors where app = :app and seq = :seq "
                        + "and ledger = :ledger for update")
                .bind("app", app).bind("seq", seq).bind("ledger", ledger).map((rs, ctx) -> readAnchor(rs)).findOne();
    }

    static void upsertAnchor(Handle h, BlockAnchor a) {
        h.createUpdate("insert into blocks.block_anchors (" + ANCHOR_COLUMNS + ") values (:app, :seq, :ledger, :state, "
                        + ":tx, :height, :anchoredAt, :finalAt, :brokenAt, :reason) on conflict (app, seq, ledger) do "
                        + "update set state = excluded.state, tx_id = excluded.tx_id, height = excluded.height, "
                        + "anchored_at = excluded.anchored_at, final_at = excluded.final_at, "
                        + "broken_at = excluded.broken_at, reason = excluded.reason")
                .bind("app", a.app()).bind("seq", a.seq()).bind("ledger", a.ledger()).bind("state", a.state().label())
                .bind("tx", a.txId()).bind("height", a.height()).bind("anchoredAt", SqlValues.timestamp(a.anchoredAt()))
                .bind("finalAt", a.finalAt().map(SqlValues::timestamp).orElse(null))
                .bind("brokenAt", a.brokenAt().map(SqlValues::timestamp).orElse(null))
                .bind("reason", a.reason().orElse(null)).execute();
    }

    /** Blocks of applications anchoring to the ledger that have no anchor there, or a broken one, oldest first. */
    static List<BlockPointer> pendingFor(Handle h, String ledger, int limit) {
        return h.createQuery("select b.app, b.seq, b.block_hash from blocks.verification_blocks b "
                        + "join blocks.applications a on a.id = b.app "
                        + "left join blocks.block_anchors x on x.app = b.app and x.seq = b.seq and x.ledger = :ledger "
                        + "where :ledger = any(a.ledgers) and (x.state is null or x.state = 'broken') "
                        + "order by b.created_at, b.app, b.seq limit :limit")
                .bind("ledger", ledger).bind("limit", limit)
                .map((rs, ctx) -> new BlockPointer(SqlValues.hash(rs, "block_hash"), rs.getString("app"),
                        rs.getLong("seq"))).list();
    }

    private static VerificationBlock read(ResultSet rs) throws SQLException {
        return new VerificationBlock(rs.getString("app"), rs.getLong("seq"), SqlValues.hash(rs, "prev_block_hash"),
                SqlValues.hash(rs, "merkle_root"), rs.getInt("entries"), rs.getLong("first_message_seq"),
                rs.getLong("last_message_seq"), SqlValues.instant(rs, "created_at"), SqlValues.hash(rs, "block_hash"),
                Labels.parse(BlockStatus.class, rs.getString("status")));
    }

    private static BlockAnchor readAnchor(ResultSet rs) throws SQLException {
        return new BlockAnchor(rs.getString("app"), rs.getLong("seq"), rs.getString("ledger"),
                Labels.parse(AnchorState.class, rs.getString("state")), rs.getString("tx_id"), rs.getLong("height"),
                SqlValues.instant(rs, "anchored_at"), SqlValues.optionalInstant(rs, "final_at"),
                SqlValues.optionalInstant(rs, "broken_at"), Optional.ofNullable(rs.getString("reason")));
    }
}
