package io.cairn.membership;

import java.util.Objects;

/**
 * What executing a {@link PlannedStep} achieved: {@link Done}, {@link Failed} (retried with backoff when
 * {@code retryable}) or {@link Manual} (a person must act, then an administrator overrides the step).
 */
public sealed interface StepOutcome {
    /** The step is done on the ledger. */
    static StepOutcome done() {
        return new Done();
    }

    /**
     * The step did not succeed.
     *
     * @param reason    why, shown to administrators and journaled (no secrets)
     * @param retryable whether trying again later may succeed (node unreachable, vote still pending)
     */
    static StepOutcome failed(String reason, boolean retryable) {
        return new Failed(reason, retryable);
    }

    /** The step needs a person: what to do, e.g. which organisations' admins must sign an update. */
    static StepOutcome manual(String instructions) {
        return new Manual(instructions);
    }

    /** Done. */
    record Done() implements StepOutcome {
    }

    /**
     * Failed.
     *
     * @param reason    why
     * @param retryable whether to try again with backoff
     */
    record Failed(String reason, boolean retryable) implements StepOutcome {
        /** Requires a reason. */
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Needs a person.
     *
     * @param instructions what to do
     */
    record Manual(String instructions) implements StepOutcome {
        /** Requires instructions. */
        public Manual {
            Objects.requireNonNull(instructions, "instructions");
        }
    }
}
