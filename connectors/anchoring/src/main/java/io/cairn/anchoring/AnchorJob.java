package io.cairn.anchoring;

import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.HashPointer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the anchor queue: a verification block to be anchored on one ledger, and how far it got.
 *
 * @param block         the block (application, sequence, hash, sealing time)
 * @param ledger        the ledger's registered name
 * @param state         where the job is
 * @param attempts      submissions started so far
 * @param nextAttemptAt earliest time of the next submission
 * @param lastError     what the last failure was (never a secret)
 * @param receipt       where the anchor landed, once anchored
 * @param reported      whether {@link AnchorOutcomes} has been told the current state
 * @param brokenCount   how often the anchor was found broken and re-anchored
 * @param submittingAt  when the last submission started
 */
public record AnchorJob(PendingBlock block, String ledger, JobState state, int attempts, Instant nextAttemptAt,
                        Optional<String> lastError, Optional<AnchorReceipt> receipt, boolean reported,
                        int brokenCount, Optional<Instant> submittingAt) {

    /** Validates. */
    public AnchorJob {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(submittingAt, "submittingAt");
    }

    /** The hash pointer this job anchors. */
    public HashPointer pointer() {
        return block.pointer();
    }

    /** Whether the next submission must first look for an anchor already on the ledger. */
    public boolean mayHaveLanded() {
        return attempts > 0 || brokenCount > 0 || state != JobState.QUEUED;
    }

    /** {@code app#seq@ledger}, for logs. */
    public String label() {
        return block.app() + "#" + block.seq() + "@" + ledger;
    }

    /** This job after a change to {@code next} with {@code where} as its receipt, not yet reported. */
    AnchorJob now(JobState next, AnchorReceipt where) {
        return new AnchorJob(block, ledger, next, attempts, nextAttemptAt, lastError, Optional.of(where), false,
                brokenCount, submittingAt);
    }
}
