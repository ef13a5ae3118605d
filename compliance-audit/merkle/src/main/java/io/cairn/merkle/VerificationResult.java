package io.cairn.merkle;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one proof.
 *
 * @param failure why the proof was rejected; empty when it is valid
 * @param detail  one sentence with the numbers behind the verdict
 */
public record VerificationResult(Optional<VerificationFailure> failure, String detail) {
    /** Rejects missing parts. */
    public VerificationResult {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(detail, "detail");
    }

    /** A valid verdict. */
    static VerificationResult valid(String detail) {
        return new VerificationResult(Optional.empty(), detail);
    }

    /** A rejection. */
    static VerificationResult invalid(VerificationFailure failure, String detail) {
        return new VerificationResult(Optional.of(failure), detail);
    }

    /** Whether the proof is valid. */
    public boolean isValid() {
        return failure.isEmpty();
    }
}
