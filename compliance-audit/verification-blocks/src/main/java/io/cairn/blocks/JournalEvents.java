package io.cairn.blocks;

import io.cairn.audit.spi.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The journal events of this module. Each is built only from stored values and carries an idempotency key, so
 * recording it again after a crash or a retry answers the first receipt instead of a duplicate.
 */
final class JournalEvents {
    /** Actor of events the module records on its own. */
    static final String SYSTEM_ACTOR = "system:verification-blocks";

    private JournalEvents() {
    }

    /** {@code application.message-accepted}: the digest, never the payload. */
    static AuditEvent messageAccepted(AcceptedMessage m) {
        return AuditEvent.of("application.message-accepted", m.submittedBy(), "application:" + m.app(), m.acceptedAt())
                .withIdempotencyKey("blocks.message." + keyHash(m.app(), m.messageId()))
                .withPayloadSha256(m.digest().hex())
                .withAttribute("app", m.app()).withAttribute("message-id", m.messageId())
                .withAttribute("sender", m.sender());
    }

    /** {@code application.payload-erased}: the payload and salt are gone, the digest stays. */
    static AuditEvent payloadErased(AcceptedMessage m, String actor, Instant at) {
        return AuditEvent.of("application.payload-erased", actor, "application:" + m.app(), at)
                .withIdempotencyKey("blocks.erased." + keyHash(m.app(), m.messageId()))
                .withPayloadSha256(m.digest().hex())
                .withAttribute("app", m.app()).withAttribute("message-id", m.messageId());
    }

    /** {@code application.block-sealed}, whose payload digest is the block hash. */
    static AuditEvent blockSealed(VerificationBlock b) {
        return AuditEvent.of("application.block-sealed", SYSTEM_ACTOR, "application:" + b.app(), b.createdAt())
                .withIdempotencyKey("blocks.block." + b.app() + "." + b.seq())
                .withPayloadSha256(b.blockHash().hex())
                .withAttribute("app", b.app()).withAttribute("seq", Long.toString(b.seq()))
                .withAttribute("entries", Integer.toString(b.entries()))
                .withAttribute("merkle-root", b.merkleRoot().hex())
                .withAttribute("prev-block-hash", b.prevBlockHash().hex())
                .withAttribute("first-message-seq", Long.toString(b.firstMessageSeq()))
                .withAttribute("last-message-seq", Long.toString(b.lastMessageSeq()));
    }

    /** {@code application.block-anchored}, {@code application.block-final} or {@code application.block-anchor-broken}. */
    static AuditEvent anchorChanged(VerificationBlock b, BlockAnchor a) {
        String type = switch (a.state()) {
            case ANCHORED -> "application.block-anchored";
            case FINAL -> "application.block-final";
            case BROKEN -> "application.block-anchor-broken";
        };
        Instant at = switch (a.state()) {
            case ANCHORED -> a.anchoredAt();
            case FINAL -> a.finalAt().orElseThrow();
            case BROKEN -> a.brokenAt().orElseThrow();
        };
        AuditEvent event = AuditEvent.of(type, SYSTEM_ACTOR, "application:" + b.app(), at)
                .withIdempotencyKey("blocks." + a.state().label() + "."
                        + keyHash(b.app(), Long.toString(b.seq()), a.ledger(), a.txId()))
                .withPayloadSha256(b.blockHash().hex())
                .withAttribute("app", b.app()).withAttribute("seq", Long.toString(b.seq()))
                .withAttribute("ledger", a.ledger()).withAttribute("tx-id", a.txId())
                .withAttribute("height", Long.toString(a.height()));
        return a.reason().map(r -> event.withAttribute("reason", r)).orElse(event);
    }

    /** A fixed-length key part naming values that may be long or hold any printable character. */
    private static String keyHash(String... parts) {
        return HexFormat.of().formatHex(Sha256.of(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
    }
}
