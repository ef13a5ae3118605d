package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.time.Duration;
import java.util.List;

/**
 * How the provisioning runner retries ledger steps.
 *
 * @param retryDelay     wait after the first retryable failure; doubled after each further one
 * @param maxRetryDelay  the longest wait between two attempts
 * @param maxAttempts    attempts before a retryable failure waits for an administrator (retry or override)
 * @param runningTimeout a step still {@code running} after this long is taken up again (its runner stopped)
 */
public record ProvisioningSettings(Duration retryDelay, Duration maxRetryDelay, int maxAttempts, Duration runningTimeout) {
    /** First retry delay. */
    public static final ConfigOption RETRY_DELAY = ConfigOption.duration("consortium.provisioning.retry-delay", "1m",
            "Wait after a ledger provisioning step failed for a reason that may pass (node unreachable, vote not "
                    + "yet effective); doubled after each further failure of the same step.");
    /** Longest retry delay. */
    public static final ConfigOption MAX_RETRY_DELAY = ConfigOption.duration("consortium.provisioning.max-retry-delay",
            "1h", "Longest wait between two attempts of a ledger provisioning step.");
    /** Attempts before giving up. */
    public static final ConfigOption MAX_ATTEMPTS = ConfigOption.integer("consortium.provisioning.max-attempts", 10, 1,
            1000, "Attempts of a ledger provisioning step before it stays failed until an administrator retries or "
                    + "overrides it.");
    /** Lease of a running step. */
    public static final ConfigOption RUNNING_TIMEOUT = ConfigOption.duration("consortium.provisioning.running-timeout",
            "15m", "A ledger provisioning step still running after this long (its runner stopped) is executed again; "
                    + "provisioners are idempotent.");

    /** Every provisioning option. */
    public static final List<ConfigOption> OPTIONS = List.of(RETRY_DELAY, MAX_RETRY_DELAY, MAX_ATTEMPTS, RUNNING_TIMEOUT);

    /** Validates the durations. */
    public ProvisioningSettings {
        if (retryDelay.isNegative() || retryDelay.isZero() || maxRetryDelay.compareTo(retryDelay) < 0
                || maxAttempts < 1 || runningTimeout.isNegative() || runningTimeout.isZero()) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE, RETRY_DELAY.key() + " must be positive and at most "
                    + MAX_RETRY_DELAY.key() + "; " + MAX_ATTEMPTS.key() + " at least 1; " + RUNNING_TIMEOUT.key()
                    + " positive");
        }
    }

    /** The documented defaults. */
    public static ProvisioningSettings defaults() {
        return new ProvisioningSettings(Duration.ofMinutes(1), Duration.ofHours(1), 10, Duration.ofMinutes(15));
    }

    /** Reads the settings from validated configuration. */
    public static ProvisioningSettings from(CairnConfig config) {
        return new ProvisioningSettings(config.duration(RETRY_DELAY), config.duration(MAX_RETRY_DELAY),
                (int) config.integer(MAX_ATTEMPTS), config.duration(RUNNING_TIMEOUT));
    }

    /** The wait after the {@code attempts}-th failed attempt: the retry delay doubled per earlier failure, capped. */
    Duration backoff(int attempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
