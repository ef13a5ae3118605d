package io.cairn.kernel.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of value a configuration option holds, each with its parser and its documented syntax. */
public enum ValueType {
    /** Free text. */
    STRING("string") {
        @Override
        Object parse(String raw) {
            return raw;
        }
    },
    /** A decimal integer. */
    INTEGER("integer") {
        @Override
        Object parse(String raw) {
            try {
                return Long.parseLong(raw.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer, got '" + raw + "'");
            }
        }
    },
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean") {
        @Override
        Object parse(String raw) {
            return switch (raw.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("expected true or false, got '" + raw + "'");
            };
        }
    },
    /** A duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d} or ISO-8601 {@code PT30S}. */
    DURATION("duration") {
        @Override
        Object parse(String raw) {
            return parseDuration(raw.trim());
        }
    },
    /** A byte size such as {@code 512}, {@code 64KiB}, {@code 10MiB}, {@code 1GiB}. */
    SIZE("size") {
        @Override
        Object parse(String raw) {
            return parseSize(raw.trim());
        }
    },
    /** A file-system path; relative paths are resolved against the working directory. */
    PATH("path") {
        @Override
        Object parse(String raw) {
            if (raw.isBlank()) {
                throw new IllegalArgumentException("expected a path, got an empty value");
            }
            return Path.of(raw.trim());
        }
    },
    /** A list of strings: a YAML sequence, or comma-separated text in an environment variable. */
    LIST("list") {
        @Override
        Object parse(String raw) {
            if (raw.isBlank()) {
                return List.of();
            }
            return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    };

    private static final Pattern DURATION_SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SIZE_SHORT = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    /** How the type is named in the configuration reference. */
    public String label() {
        return label;
    }

    /**
     * Parses a raw textual value.
     *
     * @throws IllegalArgumentException with a message fit for the user when the value does not parse
     */
    abstract Object parse(String raw);

    private static Duration parseDuration(String raw) {
        Matcher m = DURATION_SHORT.matcher(raw);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(raw);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("expected a duration such as 30s, 5m or PT30S, got '" + raw + "'");
        }
    }

    private static Long parseSize(String raw) {
        Matcher m = SIZE_SHORT.matcher(raw);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 512, 64KiB or 10MiB, got '" + raw + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        long factor = switch (unit) {
            case "KiB" -> 1024L;
            case "MiB" -> 1024L * 1024;
            case "GiB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Math.multiplyExact(n, factor);
    }
}
