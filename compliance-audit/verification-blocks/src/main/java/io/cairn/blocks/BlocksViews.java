package io.cairn.blocks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The JSON bodies of the applications, messages and blocks API. Hashes of blocks are lower-case hex. */
final class BlocksViews {
    private BlocksViews() {
    }

    /** An application definition. */
    record ApplicationView(String id, String name, JsonNode messageSchema, List<String> ledgers, String blockInterval,
                           int maxBlockSize, boolean personalData, Instant createdAt, String createdBy) {
        static ApplicationView of(Application a) {
            return new ApplicationView(a.id(), a.name(), a.messageSchema(), a.ledgers(), a.blockInterval().toString(),
                    a.maxBlockSize(), a.personalData(), a.createdAt(), a.createdBy());
        }
    }

    /** Every application. */
    record ApplicationList(List<ApplicationView> applications) {
    }

    /**
     * An accepted message; {@code payload} (base64) and {@code salt} (base64, salted commitments only) are present
     * when the payload is kept and the caller's role may read payloads.
     */
    record MessageView(String app, String messageId, long seq, String sender, String signerAddress, String digest,
                       Instant acceptedAt, Optional<Long> journalLeafIndex, Optional<Long> blockSeq,
                       Optional<Instant> payloadErasedAt, Optional<String> payload, Optional<String> salt) {
        static MessageView of(AcceptedMessage m, Optional<MessageArchive.Payload> payload) {
            Base64.Encoder b64 = Base64.getEncoder();
            return new MessageView(m.app(), m.messageId(), m.seq(), m.sender(), m.signerAddress(), m.digest().hex(),
                    m.acceptedAt(), m.journalLeafIndex(), m.blockSeq(), m.payloadErasedAt(),
                    payload.map(p -> b64.encodeToString(p.content())),
                    payload.flatMap(MessageArchive.Payload::salt).map(b64::encodeToString));
        }
    }

    /** A block's anchor on one ledger. */
    record AnchorView(String ledger, String state, String txId, long height, Instant anchoredAt,
                      Optional<Instant> finalAt, Optional<Instant> brokenAt, Optional<String> reason) {
        static AnchorView of(BlockAnchor a) {
            return new AnchorView(a.ledger(), a.state().label(), a.txId(), a.height(), a.anchoredAt(), a.finalAt(),
                    a.brokenAt(), a.reason());
        }
    }

    /**
     * A verification block; {@code createdAt} is written exactly as it is hashed, and {@code anchors} is present
     * when a single block is asked for.
     */
    record BlockView(String app, long seq, String prevBlockHash, String merkleRoot, int entries, long firstMessageSeq,
                     long lastMessageSeq, String createdAt, String blockHash, String status,
                     Optional<List<AnchorView>> anchors) {
        static BlockView of(VerificationBlock b, Optional<List<BlockAnchor>> anchors) {
            return new BlockView(b.app(), b.seq(), b.prevBlockHash().hex(), b.merkleRoot().hex(), b.entries(),
                    b.firstMessageSeq(), b.lastMessageSeq(), BlockHashing.timestamp(b.createdAt()), b.blockHash().hex(),
                    b.status().label(), anchors.map(list -> list.stream().map(AnchorView::of).toList()));
        }
    }

    /** A page of blocks; {@code next} is the {@code from} of the following page when there may be one. */
    record BlockList(List<BlockView> blocks, Optional<Long> next) {
    }
}
