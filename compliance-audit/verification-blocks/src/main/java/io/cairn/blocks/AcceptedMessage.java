package io.cairn.blocks;

import io.cairn.merkle.Hash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted message as stored: its commitment and where it is, never its payload.
 *
 * @param app              application id
 * @param messageId        the client's message id
 * @param seq              position in the application's message order, from 0
 * @param sender           sender member id
 * @param signerAddress    the registered address that signed the payload (lower case)
 * @param digest           the journaled commitment: {@code SHA-256(payload)}, or {@code SHA-256(salt || payload)}
 *                         for applications with personal data
 * @param submittedBy      user id of the caller who submitted it
 * @param acceptedAt       when it was accepted (millisecond precision)
 * @param journalLeafIndex the journal entry recording it, once journaled
 * @param blockSeq         the verification block holding it, once sealed
 * @param payloadErasedAt  when its payload was erased, if it was
 */
public record AcceptedMessage(String app, String messageId, long seq, String sender, String signerAddress, Hash digest,
                              String submittedBy, Instant acceptedAt, Optional<Long> journalLeafIndex,
                              Optional<Long> blockSeq, Optional<Instant> payloadErasedAt) {
    /** Validates presence. */
    public AcceptedMessage {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(journalLeafIndex, "journalLeafIndex");
        Objects.requireNonNull(blockSeq, "blockSeq");
        Objects.requireNonNull(payloadErasedAt, "payloadErasedAt");
    }
}
