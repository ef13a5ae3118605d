package io.cairn.anchoring;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the anchoring pipeline ({@code anchoring.*}).
 *
 * @param interval       how often the appliance runs the pipeline on the leader
 * @param batchSize      most submissions, confirmations and re-scans per ledger and run
 * @param intakeSize     most new blocks taken from the block feed per ledger and run
 * @param backoffMin     pause after the first failed attempt; doubles with each further failure
 * @param backoffMax     longest pause between attempts
 * @param rescanInterval how long a final anchor rests before it is verified on its ledger again
 * @param submitTimeout  how long one submission may take before its outcome counts as unknown
 */
public record AnchoringSettings(Duration interval, int batchSize, int intakeSize, Duration backoffMin,
                                Duration backoffMax, Duration rescanInterval, Duration submitTimeout) {

    /** {@code anchoring.interval}. */
    public static final ConfigOption INTERVAL = ConfigOption.duration("anchoring.interval", "5s",
            "How often the leader runs the anchoring pipeline: takes new verification blocks, submits anchors, "
                    + "follows them to finality and re-scans final ones.");
    /** {@code anchoring.batch-size}. */
    public static final ConfigOption BATCH_SIZE = ConfigOption.integer("anchoring.batch-size", 20, 1, 1000,
            "Most anchor submissions, confirmation checks and re-scans per ledger in one run.");
    /** {@code anchoring.intake-size}. */
    public static final ConfigOption INTAKE_SIZE = ConfigOption.integer("anchoring.intake-size", 500, 1, 100_000,
            "Most new verification blocks queued per ledger in one run.");
    /** {@code anchoring.backoff.min}. */
    public static final ConfigOption BACKOFF_MIN = ConfigOption.duration("anchoring.backoff.min", "2s",
            "Pause before retrying an anchor after its first failure (node down, refused); doubles per failure.");
    /** {@code anchoring.backoff.max}. */
    public static final ConfigOption BACKOFF_MAX = ConfigOption.duration("anchoring.backoff.max", "5m",
            "Longest pause between two attempts to anchor the same block.");
    /** {@code anchoring.rescan-interval}. */
    public static final ConfigOption RESCAN_INTERVAL = ConfigOption.duration("anchoring.rescan-interval", "10m",
            "How long a final anchor rests before it is verified on its ledger again (vanished or forked "
                    + "anchors are marked broken, alerted and re-anchored).");
    /** {@code anchoring.submit-timeout}. */
    public static final ConfigOption SUBMIT_TIMEOUT = ConfigOption.duration("anchoring.submit-timeout", "3m",
            "How long one anchor submission may take; after it the outcome is unknown and the next attempt "
                    + "first looks for the anchor on the ledger.");
    /** Every option of the pipeline. */
    public static final List<ConfigOption> OPTIONS = List.of(INTERVAL, BATCH_SIZE, INTAKE_SIZE, BACKOFF_MIN,
            BACKOFF_MAX, RESCAN_INTERVAL, SUBMIT_TIMEOUT);

    /** Validates. */
    public AnchoringSettings {
        positive(interval, "anchoring.interval");
        positive(backoffMin, "anchoring.backoff.min");
        positive(rescanInterval, "anchoring.rescan-interval");
        positive(submitTimeout, "anchoring.submit-timeout");
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE,
                    "anchoring.backoff.max must not be shorter than anchoring.backoff.min");
        }
        if (batchSize < 1 || intakeSize < 1) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE, "anchoring batch and intake sizes are positive");
        }
    }

    /** Reads the options. */
    public static AnchoringSettings from(CairnConfig config) {
        return new AnchoringSettings(config.duration(INTERVAL), (int) config.integer(BATCH_SIZE),
                (int) config.integer(INTAKE_SIZE), config.duration(BACKOFF_MIN), config.duration(BACKOFF_MAX),
                config.duration(RESCAN_INTERVAL), config.duration(SUBMIT_TIMEOUT));
    }

    /** The documented defaults. */
    public static AnchoringSettings defaults() {
        return new AnchoringSettings(Duration.ofSeconds(5), 20, 500, Duration.ofSeconds(2), Duration.ofMinutes(5),
                Duration.ofMinutes(10), Duration.ofMinutes(3));
    }

    /** The pause after {@code failures} consecutive failed attempts (at least 1): doubling, capped. */
    public Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 40);
        Duration pause = backoffMin.multipliedBy(1L << Math.min(doublings, 30));
        return pause.compareTo(backoffMax) > 0 ? backoffMax : pause;
    }

    private static void positive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE, key + " must be positive");
        }
    }
}
