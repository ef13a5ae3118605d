package io.cairn.blocks;

import io.cairn.audit.spi.AuditJournal;
import io.cairn.audit.spi.JournalReceipt;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.Hash;
import io.cairn.storage.StoreFailures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Accepts source-signed messages: checks the sender, the signature and the schema, stores the payload off-chain,
 * journals the digest, and answers only after both the message row and the journal entry are committed.
 *
 * <p>The row is committed first and the journal entry second, with an idempotency key derived from the
 * application and message id; a message whose journal append did not complete (crash, journal unavailable) is
 * journaled by the next replay of the same request or by the {@link BlockSealer} before it is sealed, so every
 * sealed message is journaled exactly once.
 */
public final class MessageIntake {
    /** Largest decoded payload in bytes. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private static final Pattern MESSAGE_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final Jdbi jdbi;
    private final ApplicationRegistry registry;
    private final SenderDirectory senders;
    private final PayloadCipher cipher;
    private final AuditJournal journal;
    private final Clock clock;

    /**
     * Creates the intake.
     *
     * @param jdbi     database migrated with {@link BlocksDatabase#MIGRATION}
     * @param registry applications
     * @param senders  where senders and their addresses are looked up
     * @param cipher   how payloads are stored
     * @param journal  where digests are journaled
     * @param clock    time source
     */
    public MessageIntake(Jdbi jdbi, ApplicationRegistry registry, SenderDirectory senders, PayloadCipher cipher,
                         AuditJournal journal, Clock clock) {
        this.jdbi = jdbi;
        this.registry = registry;
        this.senders = senders;
        this.cipher = cipher;
        this.journal = journal;
        this.clock = clock;
    }

    /** The answer to a submission: the stored message and whether this call created it. */
    public record Accepted(AcceptedMessage message, boolean created) {
    }

    /**
     * Accepts a message, or answers the stored one when the same request was accepted before.
     *
     * @param appId      application id
     * @param submission the request body
     * @param actor      user id of the caller
     * @return the journaled message
     * @throws CairnException with the catalogued code of the first rule the message breaks;
     *                        {@code CAIRN-JOURNAL-0004} when the message id was used for a different request
     */
    public Accepted accept(String appId, MessageSubmission submission, String actor) {
        Application app = registry.require(appId);
        require(submission.messageId() != null && MESSAGE_ID.matcher(submission.messageId()).matches(), "messageId",
                "the message id is 1 to 200 printable ASCII characters without spaces");
        require(submission.sender() != null && !submission.sender().isEmpty(), "sender", "the sender is required");
        byte[] payload = decode(submission.payload());
        Hash requestHash = requestHash(submission, payload);
        Optional<MessageRows.Stored> earlier = find(app.id(), submission.messageId());
        if (earlier.isPresent()) {
            return new Accepted(replay(earlier.get(), requestHash), false);
        }
        MessageRows.NewMessage message = check(app, submission, payload, requestHash, actor);
        try {
            SqlValues.run(() -> jdbi.inTransaction(h -> MessageRows.insert(h, message)));
        } catch (RuntimeException e) {
            if (!StoreFailures.isUniqueViolation(e)) {
                throw e;
            }
            return new Accepted(replay(find(app.id(), submission.messageId()).orElseThrow(), requestHash), false);
        }
        return new Accepted(journaled(find(app.id(), submission.messageId()).orElseThrow().message()), true);
    }

    /** Journals a stored message if it is not yet, and answers it with its journal position. */
    AcceptedMessage journaled(AcceptedMessage message) {
        if (message.journalLeafIndex().isPresent()) {
            return message;
        }
        JournalReceipt receipt = journal.append(JournalEvents.messageAccepted(message));
        SqlValues.run(() -> jdbi.withHandle(h -> {
            MessageRows.markJournaled(h, message.app(), message.messageId(), receipt.leafIndex());
            return null;
        }));
        return new AcceptedMessage(message.app(), message.messageId(), message.seq(), message.sender(),
                message.signerAddress(), message.digest(), message.submittedBy(), message.acceptedAt(),
                Optional.of(receipt.leafIndex()), message.blockSeq(), message.payloadErasedAt());
    }

    private AcceptedMessage replay(MessageRows.Stored stored, Hash requestHash) {
        if (!stored.requestSha256().equals(requestHash)) {
            throw CairnException.field(ErrorCode.JOURNAL_IDEMPOTENCY_CONFLICT, "messageId", "message id '"
                    + stored.message().messageId() + "' was already used for a different message");
        }
        return journaled(stored.message());
    }

    private MessageRows.NewMessage check(Application app, MessageSubmission submission, byte[] payload,
                                         Hash requestHash, String actor) {
        Sender sender = senders.find(submission.sender()).orElseThrow(() -> CairnException.field(
                ErrorCode.JOURNAL_SENDER_UNKNOWN, "sender", "no member '" + submission.sender() + "' is known"));
        if (!sender.active()) {
            throw CairnException.field(ErrorCode.JOURNAL_SENDER_INACTIVE, "sender",
                    "member '" + sender.id() + "' is not active and cannot send messages");
        }
        String signer = SourceSignature.verify(Sha256.of(payload), submission.signature(), sender.ethereumAddresses());
        MessageSchemas.validate(registry.schema(app), MessageSchemas.parse(payload));
        Commitment commitment = Commitment.of(payload, app.personalData());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new MessageRows.NewMessage(app.id(), submission.messageId(), sender.id(), signer, commitment.digest(),
                requestHash, actor, now, commitment.salt(), cipher.seal(app.id(), submission.messageId(), payload));
    }

    private Optional<MessageRows.Stored> find(String app, String messageId) {
        return SqlValues.run(() -> jdbi.withHandle(h -> MessageRows.find(h, app, messageId)));
    }

    private static byte[] decode(String base64) {
        require(base64 != null, "payload", "the payload is required");
        if (base64.length() > (MAX_PAYLOAD_BYTES + 2) / 3 * 4) {
            throw CairnException.field(ErrorCode.JOURNAL_PAYLOAD_TOO_LARGE, "payload",
                    "the payload exceeds " + MAX_PAYLOAD_BYTES + " bytes");
        }
        try {
            byte[] payload = Base64.getDecoder().decode(base64);
            if (payload.length > MAX_PAYLOAD_BYTES) {
                throw CairnException.field(ErrorCode.JOURNAL_PAYLOAD_TOO_LARGE, "payload",
                        "the payload exceeds " + MAX_PAYLOAD_BYTES + " bytes");
            }
            return payload;
        } catch (IllegalArgumentException e) {
            throw CairnException.field(ErrorCode.JOURNAL_PAYLOAD_MALFORMED, "payload",
                    "the payload is not standard base64");
        }
    }

    /** What makes two submissions the same request: sender, signature and payload bytes. */
    private static Hash requestHash(MessageSubmission submission, byte[] payload) {
        String signature = String.valueOf(submission.signature()).toLowerCase(Locale.ROOT);
        return Hash.of(Sha256.of(Sha256.of(submission.sender().getBytes(StandardCharsets.UTF_8)),
                Sha256.of(signature.getBytes(StandardCharsets.UTF_8)), payload));
    }

    private static void require(boolean condition, String field, String detail) {
        if (!condition) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, field, detail);
        }
    }
}
