package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Arrays;
import java.util.Locale;

/** What a member organisation does in the consortium. */
public enum ConsortiumRole {
    /** Founded the consortium. */
    FOUNDER,
    /** Runs a validating (consensus) node. */
    VALIDATOR,
    /** Transacts on the consortium's ledgers. */
    PARTICIPANT,
    /** Reads only; e.g. a regulator or an auditor organisation. */
    OBSERVER;

    /** The API name, e.g. {@code validator}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this API name. */
    public static ConsortiumRole fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> CairnException.field(ErrorCode.API_INVALID_FIELD, "roles",
                        "unknown consortium role '" + label + "'; roles are "
                                + Arrays.stream(values()).map(ConsortiumRole::label).toList()));
    }
}
