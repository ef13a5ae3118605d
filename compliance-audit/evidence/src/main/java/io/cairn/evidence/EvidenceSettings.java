package io.cairn.evidence;

import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.util.List;

/**
 * Evidence export configuration.
 *
 * @param maxEntries most journal entries one bundle may hold
 */
public record EvidenceSettings(long maxEntries) {
    /** Entry limit per bundle. */
    public static final ConfigOption MAX_ENTRIES = ConfigOption.integer("evidence.max-entries", 1_000_000, 1,
            100_000_000, "Most journal entries one evidence bundle may hold; a larger scope is refused with "
                    + "CAIRN-EVIDENCE-0001 (export shorter time windows instead).");

    /** Every evidence option. */
    public static final List<ConfigOption> OPTIONS = List.of(MAX_ENTRIES);

    /** Validates the settings. */
    public EvidenceSettings {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
    }

    /** Reads the settings from validated configuration. */
    public static EvidenceSettings from(CairnConfig config) {
        return new EvidenceSettings(config.integer(MAX_ENTRIES));
    }

    /** The defaults. */
    public static EvidenceSettings defaults() {
        return new EvidenceSettings(1_000_000);
    }
}
