package io.cairn.custody.spi;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to generate: a curve and a human label stored with the key in the backend.
 *
 * <p>The label is informative (shown in HSM tools, certificate subjects); keys are addressed by their
 * {@link KeyHandle}. A label is 1 to 64 characters of letters, digits, {@code . _ -}.
 *
 * @param label human label, not necessarily unique
 * @param curve the curve
 */
public record KeySpec(String label, Curve curve) {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Validates the label. */
    public KeySpec {
        Objects.requireNonNull(curve, "curve");
        if (label == null || !LABEL.matcher(label).matches()) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "label",
                    "a key label is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }
}
