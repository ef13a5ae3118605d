package io.cairn.kernel.logging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key/value pairs attached to log records written by the current thread. Each request is served on its
 * own (virtual) thread, so a value set while serving a request appears on exactly that request's lines.
 */
public final class LogContext {
    private static final ThreadLocal<Map<String, String>> CURRENT = ThreadLocal.withInitial(LinkedHashMap::new);

    private LogContext() {
    }

    /** Sets a value for the current thread. */
    public static void put(String key, String value) {
        CURRENT.get().put(key, value);
    }

    /** The values of the current thread, in insertion order. */
    public static Map<String, String> current() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(CURRENT.get()));
    }

    /** Forgets every value of the current thread. */
    public static void clear() {
        CURRENT.remove();
    }
}
