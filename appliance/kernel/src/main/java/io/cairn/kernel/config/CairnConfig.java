package io.cairn.kernel.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Validated, immutable configuration: every known key resolved from the file, the environment or its
 * default, with where each value came from.
 */
public final class CairnConfig {
    private final ConfigCatalogue catalogue;
    private final Map<String, Object> values;
    private final Map<String, String> origins;

    CairnConfig(ConfigCatalogue catalogue, Map<String, Object> values, Map<String, String> origins) {
        this.catalogue = catalogue;
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
    }

    /** A configuration of defaults only, plus the given overrides written as the user would write them. */
    public static CairnConfig of(ConfigCatalogue catalogue, Map<String, String> overrides) {
        ConfigReport report = ConfigLoader.load(catalogue, Optional.empty(), Map.of(), overrides);
        return report.configOrThrow();
    }

    /** The catalogue this configuration was validated against. */
    public ConfigCatalogue catalogue() {
        return catalogue;
    }

    /** A set value, or empty when the option has no default and was not set. */
    public Optional<Object> value(ConfigOption option) {
        return Optional.ofNullable(values.get(checked(option).key()));
    }

    /** Where the value came from: {@code file:line}, {@code environment}, {@code default} or {@code override}. */
    public String origin(ConfigOption option) {
        return origins.getOrDefault(option.key(), "unset");
    }

    /** A text value that has a default or is required. */
    public String string(ConfigOption option) {
        return (String) require(option);
    }

    /** A text value that may be unset. */
    public Optional<String> optionalString(ConfigOption option) {
        return value(option).map(String.class::cast);
    }

    /** An integer value. */
    public long integer(ConfigOption option) {
        return (Long) require(option);
    }

    /** A boolean value. */
    public boolean bool(ConfigOption option) {
        return (Boolean) require(option);
    }

    /** A duration value. */
    public Duration duration(ConfigOption option) {
        return (Duration) require(option);
    }

    /** A byte size. */
    public long size(ConfigOption option) {
        return (Long) require(option);
    }

    /** A path value that may be unset. */
    public Optional<Path> path(ConfigOption option) {
        return value(option).map(Path.class::cast);
    }

    /** A list value. */
    @SuppressWarnings("unchecked")
    public List<String> list(ConfigOption option) {
        return (List<String>) require(option);
    }

    private Object require(ConfigOption option) {
        return value(option).orElseThrow(() -> new IllegalStateException(
                "configuration key " + option.key() + " has no value and no default"));
    }

    private ConfigOption checked(ConfigOption option) {
        Objects.requireNonNull(option, "option");
        if (catalogue.find(option.key()).isEmpty()) {
            throw new IllegalArgumentException("configuration key not in the catalogue: " + option.key());
        }
        return option;
    }
}
