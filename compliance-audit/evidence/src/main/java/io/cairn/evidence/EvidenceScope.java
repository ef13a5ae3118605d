package io.cairn.evidence;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an evidence bundle covers.
 *
 * @param app      the application id
 * @param from     first instant (inclusive)
 * @param to       end instant (exclusive)
 * @param redacted whether journal entries other than {@code application.block-sealed} are given as leaf
 *                 hashes only
 */
public record EvidenceScope(String app, Instant from, Instant to, boolean redacted) {
    private static final Pattern APP = Pattern.compile("[a-z0-9._-]{1,32}");

    /** Validates the scope; failures are {@code CAIRN-API-0011} naming the parameter. */
    public EvidenceScope {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (app == null || !APP.matcher(app).matches()) {
            throw CairnException.field(ErrorCode.API_INVALID_PARAMETER, "app",
                    "'app' must be an application id: 1 to 32 characters of a-z, 0-9, '.', '_' and '-'");
        }
        if (!from.isBefore(to)) {
            throw CairnException.field(ErrorCode.API_INVALID_PARAMETER, "to", "'to' must be after 'from'");
        }
    }

    /** Whether an instant lies in {@code [from, to)}. */
    public boolean covers(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
