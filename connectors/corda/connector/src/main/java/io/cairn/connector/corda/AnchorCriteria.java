package io.cairn.connector.corda;

import io.cairn.connector.spi.HashPointer;
import java.util.Objects;
import java.util.Optional;

/**
 * A vault query for {@code AnchorState}s: every present field must match.
 *
 * @param digestHex     the hash pointer digest, lower-case hex
 * @param application   the application id
 * @param blockSeq      the block sequence number
 * @param transactionId the id of the transaction that issued the anchor
 */
public record AnchorCriteria(Optional<String> digestHex, Optional<String> application, Optional<Long> blockSeq,
                             Optional<String> transactionId) {

    /** Validates. */
    public AnchorCriteria {
        Objects.requireNonNull(digestHex, "digestHex");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(blockSeq, "blockSeq");
        Objects.requireNonNull(transactionId, "transactionId");
    }

    /** Anchors of exactly this hash pointer. */
    public static AnchorCriteria forPointer(HashPointer pointer) {
        return new AnchorCriteria(Optional.of(pointer.digestHex()), Optional.of(pointer.application()),
                Optional.of(pointer.blockSeq()), Optional.empty());
    }

    /** Anchors issued by this transaction. */
    public static AnchorCriteria forTransaction(String transactionId) {
        return new AnchorCriteria(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(transactionId));
    }

    /** Whether an anchor matches every present field. */
    public boolean matches(VaultAnchor anchor) {
        return digestHex.map(anchor.digestHex()::equals).orElse(true)
                && application.map(anchor.application()::equals).orElse(true)
                && blockSeq.map(seq -> seq == anchor.blockSeq()).orElse(true)
                && transactionId.map(anchor.transactionId()::equals).orElse(true);
    }
}
