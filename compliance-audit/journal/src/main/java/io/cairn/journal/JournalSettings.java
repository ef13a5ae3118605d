package io.cairn.journal;

import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.time.Duration;
import java.util.List;

/**
 * Journal configuration.
 *
 * @param origin             the journal's name in checkpoints (first line)
 * @param checkpointInterval how often a checkpoint is signed when new entries arrived
 * @param auditInterval      how often the tamper audit runs
 * @param maxBatch           most appends committed in one transaction
 * @param queueCapacity      most appends waiting to be committed before callers are refused
 */
public record JournalSettings(String origin, Duration checkpointInterval, Duration auditInterval, int maxBatch,
                              int queueCapacity) {
    /** Checkpoint origin. */
    public static final ConfigOption ORIGIN = ConfigOption.string("journal.origin", "cairn/journal",
            "Name of this appliance's journal, the first line of every checkpoint. Give each consortium "
                    + "appliance a unique, stable name, e.g. `cairn.example-bank.com/journal`.");
    /** Checkpoint interval. */
    public static final ConfigOption CHECKPOINT_INTERVAL = ConfigOption.duration("journal.checkpoint.interval", "1m",
            "How often the journal signs a checkpoint (only when entries were added since the last one).");
    /** Audit interval. */
    public static final ConfigOption AUDIT_INTERVAL = ConfigOption.duration("journal.audit.interval", "1h",
            "How often the tamper audit recomputes every leaf hash, tree node and checkpoint root from the database.");
    /** Batch size. */
    public static final ConfigOption MAX_BATCH = ConfigOption.integer("journal.commit.max-batch", 2000, 1, 100_000,
            "Most appends committed together in one database transaction (group commit).");
    /** Queue size. */
    public static final ConfigOption QUEUE_CAPACITY = ConfigOption.integer("journal.commit.queue-capacity", 50_000, 1,
            10_000_000, "Most appends waiting for their commit; beyond it appends fail with CAIRN-JOURNAL-0005.");

    /** Every journal option. */
    public static final List<ConfigOption> OPTIONS = List.of(ORIGIN, CHECKPOINT_INTERVAL, AUDIT_INTERVAL, MAX_BATCH,
            QUEUE_CAPACITY);

    /** Validates the settings. */
    public JournalSettings {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("the journal origin is one non-blank line");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()
                || auditInterval.isNegative() || auditInterval.isZero()) {
            throw new IllegalArgumentException("intervals must be positive");
        }
        if (maxBatch < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("batch size and queue capacity must be positive");
        }
    }

    /** Reads the settings from validated configuration. */
    public static JournalSettings from(CairnConfig config) {
        return new JournalSettings(config.string(ORIGIN), config.duration(CHECKPOINT_INTERVAL),
                config.duration(AUDIT_INTERVAL), (int) config.integer(MAX_BATCH), (int) config.integer(QUEUE_CAPACITY));
    }

    /** Defaults with the given origin, for tests and tools. */
    public static JournalSettings defaults(String origin) {
        return new JournalSettings(origin, Duration.ofMinutes(1), Duration.ofHours(1), 2000, 50_000);
    }
}
