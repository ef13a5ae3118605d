package io.cairn.blocks;

import io.cairn.audit.spi.AuditJournal;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Accepted messages and their off-chain payloads: lookup, payload reading (decrypted) and erasure, which deletes
 * the payload and salt but keeps the digest, so every proof still verifies.
 */
public final class MessageArchive {
    private final Jdbi jdbi;
    private final PayloadCipher cipher;
    private final AuditJournal journal;
    private final Clock clock;

    /**
     * Creates the archive.
     *
     * @param jdbi    database migrated with {@link BlocksDatabase#MIGRATION}
     * @param cipher  how payloads were stored
     * @param journal where erasures are recorded
     * @param clock   time source
     */
    public MessageArchive(Jdbi jdbi, PayloadCipher cipher, AuditJournal journal, Clock clock) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.journal = journal;
        this.clock = clock;
    }

    /** A readable payload and, for salted commitments, its salt: {@code digest = SHA-256(salt || payload)}. */
    public record Payload(byte[] content, Optional<byte[]> salt) {
    }

    /**
     * The accepted message with this id.
     *
     * @throws CairnException {@code CAIRN-JOURNAL-0110} when there is none
     */
    public AcceptedMessage message(String app, String messageId) {
        return SqlValues.run(() -> jdbi.withHandle(h -> MessageRows.find(h, app, messageId)))
                .map(MessageRows.Stored::message)
                .orElseThrow(() -> new CairnException(ErrorCode.JOURNAL_MESSAGE_NOT_FOUND,
                        "application '" + app + "' has no message '" + messageId + "'"));
    }

    /** The decrypted payload of a message, unless it was erased. */
    public Optional<Payload> payload(String app, String messageId) {
        return SqlValues.run(() -> jdbi.withHandle(h -> MessageRows.payload(h, app, messageId)))
                .map(p -> new Payload(cipher.open(app, messageId, p.sealed()), p.salt()));
    }

    /**
     * Erases a message's payload and salt; erasing again changes nothing. The erasure is journaled.
     *
     * @param actor user id of the administrator
     * @return the message, with the time of erasure
     */
    public AcceptedMessage erase(String app, String messageId, String actor) {
        AcceptedMessage before = message(app, messageId);
        if (before.payloadErasedAt().isEmpty()) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            boolean erased = SqlValues.run(() -> jdbi.inTransaction(h -> MessageRows.erase(h, app, messageId, now)));
            if (erased) {
                journal.append(JournalEvents.payloadErased(before, actor, now));
            }
        }
        return message(app, messageId);
    }
}
