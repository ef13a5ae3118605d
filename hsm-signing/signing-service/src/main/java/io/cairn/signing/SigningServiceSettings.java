package io.cairn.signing;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the signing service.
 *
 * @param approvalTtl              how long a request waits for its approvals before it expires
 * @param defaultRatePerMinute     signatures per key per minute when a key's policy does not say (0: unlimited)
 * @param destroyRequiredApprovals approvals a key destruction needs at least (a key's m when larger)
 */
public record SigningServiceSettings(Duration approvalTtl, int defaultRatePerMinute, int destroyRequiredApprovals) {
    /** {@code signing.approvals.ttl}. */
    public static final ConfigOption APPROVAL_TTL = ConfigOption.duration("signing.approvals.ttl", "24h",
            "How long a signing or destruction request waits for its approvals before it expires.");
    /** {@code signing.policy.default-rate-per-minute}. */
    public static final ConfigOption DEFAULT_RATE = ConfigOption.integer("signing.policy.default-rate-per-minute",
            0, 0, 10_000_000, "Signatures per key per minute for keys whose policy sets no rate limit; 0 is unlimited.");
    /** {@code signing.destroy.required-approvals}. */
    public static final ConfigOption DESTROY_APPROVALS = ConfigOption.integer("signing.destroy.required-approvals",
            1, 1, DualControl.MAX_APPROVALS, "Approvals by other consortium admins that destroying a key needs at least.");
    /** Every option of the signing service. */
    public static final List<ConfigOption> OPTIONS = List.of(APPROVAL_TTL, DEFAULT_RATE, DESTROY_APPROVALS);

    /** Validates. */
    public SigningServiceSettings {
        if (approvalTtl.isNegative() || approvalTtl.isZero()) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE, "signing.approvals.ttl must be positive");
        }
    }

    /** Reads the options. */
    public static SigningServiceSettings from(CairnConfig config) {
        return new SigningServiceSettings(config.duration(APPROVAL_TTL), (int) config.integer(DEFAULT_RATE),
                (int) config.integer(DESTROY_APPROVALS));
    }

    /** The defaults. */
    public static SigningServiceSettings defaults() {
        return new SigningServiceSettings(Duration.ofHours(24), 0, 1);
    }
}
