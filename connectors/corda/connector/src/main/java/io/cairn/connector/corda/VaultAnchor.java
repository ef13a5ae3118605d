package io.cairn.connector.corda;

import io.cairn.connector.spi.HashPointer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code AnchorState} as a node's vault reports it.
 *
 * @param transactionId  the id of the transaction that issued it (upper-case hex, as Corda prints it)
 * @param outputIndex    its output index in that transaction
 * @param digestHex      the digest as written (lower-case hex when the contract accepted it)
 * @param application    the application id
 * @param blockSeq       the block sequence number
 * @param anchoringParty the X.500 name of the party that wrote it
 * @param recordedTime   when the vault recorded it
 * @param consumed       whether the vault marks it consumed (the contract makes that impossible)
 */
public record VaultAnchor(String transactionId, int outputIndex, String digestHex, String application,
                          long blockSeq, String anchoringParty, Instant recordedTime, boolean consumed) {

    /** Validates. */
    public VaultAnchor {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(digestHex, "digestHex");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(anchoringParty, "anchoringParty");
        Objects.requireNonNull(recordedTime, "recordedTime");
        if (outputIndex < 0) {
            throw new IllegalArgumentException("output index is not negative: " + outputIndex);
        }
    }

    /** The anchored hash pointer, empty when the state's fields are not a valid hash pointer. */
    public Optional<HashPointer> pointer() {
        try {
            return Optional.of(new HashPointer(HexFormat.of().parseHex(digestHex), application, blockSeq));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }
}
