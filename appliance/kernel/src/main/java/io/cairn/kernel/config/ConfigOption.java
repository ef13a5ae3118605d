package io.cairn.kernel.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration key, declared in code next to the component that reads it.
 *
 * <p>Keys are dotted, kebab-case paths ({@code server.tls.keystore-path}). Each has a type, an optional
 * default (as the user would write it), a description for the generated reference, and may be marked
 * secret, in which case its value is never printed. The environment variable that overrides a key is
 * {@code CAIRN_} followed by the key in upper case with dots and dashes turned into underscores.
 *
 * @param key          dotted kebab-case key
 * @param type         value type
 * @param defaultValue default in the user's syntax; empty when the option is unset by default
 * @param description  one or two sentences for the configuration reference
 * @param secret       whether the value must never be printed
 * @param allowed      the only permitted values, or empty when any value of the type is allowed
 * @param min          the smallest permitted value for integers and sizes
 * @param max          the largest permitted value for integers and sizes
 */
public record ConfigOption(
        String key,
        ValueType type,
        Optional<String> defaultValue,
        String description,
        boolean secret,
        List<String> allowed,
        long min,
        long max) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*");

    /** Validates the declaration. */
    public ConfigOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        allowed = List.copyOf(allowed);
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("configuration keys are dotted kebab-case: " + key);
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("every configuration key is documented: " + key);
        }
    }

    /** A text option. */
    public static ConfigOption string(String key, String defaultValue, String description) {
        return new ConfigOption(key, ValueType.STRING, Optional.ofNullable(defaultValue), description, false,
                List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A text option with no default. */
    public static ConfigOption optionalString(String key, String description) {
        return string(key, null, description);
    }

    /** A secret text option with no default; its value is never printed. */
    public static ConfigOption secret(String key, String description) {
        return new ConfigOption(key, ValueType.STRING, Optional.empty(), description, true,
                List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** An integer option within {@code [min, max]}. */
    public static ConfigOption integer(String key, long defaultValue, long min, long max, String description) {
        return new ConfigOption(key, ValueType.INTEGER, Optional.of(Long.toString(defaultValue)), description, false,
                List.of(), min, max);
    }

    /** A boolean option. */
    public static ConfigOption bool(String key, boolean defaultValue, String description) {
        return new ConfigOption(key, ValueType.BOOLEAN, Optional.of(Boolean.toString(defaultValue)), description,
                false, List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A duration option, default written like {@code 30s}. */
    public static ConfigOption duration(String key, String defaultValue, String description) {
        return new ConfigOption(key, ValueType.DURATION, Optional.of(defaultValue), description, false,
                List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A byte-size option within {@code [min, max]} bytes, default written like {@code 1MiB}. */
    public static ConfigOption size(String key, String defaultValue, long min, long max, String description) {
        return new ConfigOption(key, ValueType.SIZE, Optional.of(defaultValue), description, false,
                List.of(), min, max);
    }

    /** A path option; {@code defaultValue} may be null for none. */
    public static ConfigOption path(String key, String defaultValue, String description) {
        return new ConfigOption(key, ValueType.PATH, Optional.ofNullable(defaultValue), description, false,
                List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** An option restricted to a fixed set of values. */
    public static ConfigOption choice(String key, String defaultValue, List<String> allowed, String description) {
        return new ConfigOption(key, ValueType.STRING, Optional.ofNullable(defaultValue), description, false,
                allowed, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A list option, default given as comma-separated text (may be empty). */
    public static ConfigOption list(String key, String defaultValue, String description) {
        return new ConfigOption(key, ValueType.LIST, Optional.of(defaultValue), description, false,
                List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The environment variable that overrides this key. */
    public String environmentVariable() {
        return "CAIRN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Parses and range-checks a raw value for this option.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public Object parse(String raw) {
        Object value = type.parse(raw);
        if (!allowed.isEmpty() && !allowed.contains(raw.trim())) {
            throw new IllegalArgumentException("expected one of " + allowed + ", got '" + raw + "'");
        }
        if (value instanceof Long n && (n < min || n > max)) {
            throw new IllegalArgumentException("expected a value between " + min + " and " + max + ", got " + n);
        }
        return value;
    }
}
