package io.cairn.http;

import io.cairn.kernel.CairnException;
import java.util.Optional;

/**
 * Recognises an unexpected failure as a known condition (for instance a lost database connection) so it
 * is answered with its catalogued code rather than as an internal error.
 */
@FunctionalInterface
public interface FailureTranslator {
    /** The catalogued failure this one stands for, if it is recognised. */
    Optional<CairnException> translate(RuntimeException failure);
}
