package io.cairn.kernel.config;

import io.cairn.kernel.ErrorCode;
import java.util.Objects;

/**
 * One thing wrong with a configuration, located precisely enough to fix it.
 *
 * @param error    catalogued code ({@code CAIRN-CONF-*})
 * @param key      the key concerned, as written by the user
 * @param location where it was written: {@code file:line:column}, {@code environment CAIRN_X}, or {@code defaults}
 * @param message  what is wrong, and when possible what would be right
 */
public record ConfigProblem(ErrorCode error, String key, String location, String message) {
    /** Validates the record. */
    public ConfigProblem {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** One line for terminals and logs, e.g. {@code cairn.yaml:4:3: CAIRN-CONF-0001 unknown key 'sever.port'}. */
    public String describe() {
        return location + ": " + error.code() + " " + message;
    }
}
