package io.cairn.blocks;

import io.cairn.merkle.Hash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL of the {@code blocks.messages} and {@code blocks.payloads} tables. */
final class MessageRows {
    static final String COLUMNS = "app, message_id, seq, sender, signer_address, digest, submitted_by, accepted_at, "
            + "journal_leaf_index, block_seq, payload_erased_at";

    private MessageRows() {
    }

    /** A stored message with the hash of the request that created it (for idempotent replays). */
    record Stored(AcceptedMessage message, Hash requestSha256) {
    }

    /** A message to store. */
    record NewMessage(String app, String messageId, String sender, String signerAddress, Hash digest,
                      Hash requestSha256, String submittedBy, Instant acceptedAt, Optional<byte[]> salt,
                      PayloadCipher.Sealed payload) {
    }

    /** A stored payload: the salt of a salted commitment and the (possibly encrypted) content. */
    record StoredPayload(Optional<byte[]> salt, PayloadCipher.Sealed sealed) {
    }

    static Optional<Stored> find(Handle h, String app, String messageId) {
        return h.createQuery("select " + COLUMNS + ", request_sha256 from blocks.messages "
                        + "where app = :app and message_id = :id")
                .bind("app", app).bind("id", messageId)
                .map((rs, ctx) -> new Stored(read(rs), SqlValues.hash(rs, "request_sha256"))).findOne();
    }

    /** Inserts a message with the application's next sequence number (the row lock orders acceptances). */
    static long insert(Handle h, NewMessage m) {
        long seq = h.createQuery("update blocks.applications set next_message_seq = next_message_seq + 1 "
                        + "where id = :app returning next_message_seq - 1")
                .bind("app", m.app()).mapTo(Long.class).one();
        h.createUpdate("insert into blocks.messages (app, message_id, seq, sender, signer_address, digest, "
                        + "request_sha256, submitted_by, accepted_at) values (:app, :id, :seq, :sender, :signer, "
                        + ":digest, :request, :by, :at)")
                .bind("app", m.app()).bind("id", m.messageId()).bind("seq", seq).bind("sender", m.sender())
                .bind("signer", m.signerAddress()).bind("digest", m.digest().bytes())
                .bind("request", m.requestSha256().bytes()).bind("by", m.submittedBy())
                .bind("at", SqlValues.timestamp(m.acceptedAt())).execute();
        h.createUpdate("insert into blocks.payloads (app, message_id, salt, nonce, content) "
                        + "values (:app, :id, :salt, :nonce, :content)")
                .bind("app", m.app()).bind("id", m.messageId()).bind("salt", m.salt().orElse(null))
                .bind("nonce", m.payload().nonce().orElse(null)).bind("content", m.payload().content()).execute();
        return seq;
    }

    static void markJournaled(Handle h, String app, String messageId, long leafIndex) {
        h.createUpdate("update blocks.messages set journal_leaf_index = :leaf where app = :app and message_id = :id")
                .bind("leaf", leafIndex).bind("app", app).bind("id", messageId).execute();
    }

    /** Unsealed messages not yet journaled, in order, among the first {@code limit} unsealed ones. */
    static List<AcceptedMessage> unjournaled(Handle h, String app, int limit) {
        return h.createQuery("select " + COLUMNS + " from (select * from blocks.messages where app = :app "
                        + "and block_seq is null order by seq limit :limit) m where journal_leaf_index is null "
                        + "order by seq")
                .bind("app", app).bind("limit", limit).map((rs, ctx) -> read(rs)).list();
    }

    /** Up to {@code limit} unsealed messages in order. */
    static List<AcceptedMessage> unsealed(Handle h, String app, int limit) {
        return h.createQuery("select " + COLUMNS + " from blocks.messages where app = :app and block_seq is null "
                        + "order by seq limit :limit")
                .bind("app", app).bind("limit", limit).map((rs, ctx) -> read(rs)).list();
    }

    /** Applications that have unsealed messages. */
    static List<String> appsWithUnsealed(Handle h) {
        return h.createQuery("select distinct app from blocks.messages where block_seq is null order by app")
                .mapTo(String.class).list();
    }

    /** The messages of a block, in order. */
    static List<AcceptedMessage> inBlock(Handle h, String app, long blockSeq) {
        return h.createQuery("select " + COLUMNS + " from blocks.messages where app = :app and block_seq = :block "
                        + "order by seq")
                .bind("app", app).bind("block", blockSeq).map((rs, ctx) -> read(rs)).list();
    }

    static Optional<StoredPayload> payload(Handle h, String app, String messageId) {
        return h.createQuery("select salt, nonce, content from blocks.payloads where app = :app and message_id = :id")
                .bind("app", app).bind("id", messageId)
                .map((rs, ctx) -> new StoredPayload(Optional.ofNullable(rs.getBytes("salt")),
                        new PayloadCipher.Sealed(Optional.ofNullable(rs.getBytes("nonce")), rs.getBytes("content"))))
                .findOne();
    }

    /** Deletes the payload and salt, keeping the digest; answers whether this call erased it. */
    static boolean erase(Handle h, String app, String messageId, Instant at) {
        int deleted = h.createUpdate("delete from blocks.payloads where app = :app and message_id = :id")
                .bind("app", app).bind("id", messageId).execute();
        if (deleted == 0) {
            return false;
        }
        h.createUpdate("update blocks.messages set payload_erased_at = :at where app = :app and message_id = :id")
                .bind("at", SqlValues.timestamp(at)).bind("app", app).bind("id", messageId).execute();
        return true;
    }

    static AcceptedMessage read(ResultSet rs) throws SQLException {
        return new AcceptedMessage(rs.getString("app"), rs.getString("message_id"), rs.getLong("seq"),
                rs.getString("sender"), rs.getString("signer_address"), SqlValues.hash(rs, "digest"),
                rs.getString("submitted_by"), SqlValues.instant(rs, "accepted_at"),
                SqlValues.optionalLong(rs, "journal_leaf_index"), SqlValues.optionalLong(rs, "block_seq"),
                SqlValues.optionalInstant(rs, "payload_erased_at"));
    }
}
