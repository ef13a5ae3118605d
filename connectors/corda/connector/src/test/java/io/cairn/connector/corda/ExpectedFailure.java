package io.cairn.connector.corda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call fails with a catalogued Cairn error. */
final class ExpectedFailure {

    private ExpectedFailure() {
    }

    /** The call throws a {@link CairnException} with {@code code}; further assertions chain on the result. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertFails(ThrowingCallable call, ErrorCode code) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(code));
    }
}
