package io.cairn.custody.pkcs11;

import java.util.Objects;

/** A token PIN. It is never printed: {@link #toString()} hides it. */
public final class Pin {
    private final char[] value;

    private Pin(char[] value) {
        this.value = value.clone();
    }

    /** A PIN from its characters (copied). */
    public static Pin of(char[] value) {
        return new Pin(Objects.requireNonNull(value, "value"));
    }

    /** A PIN from text. */
    public static Pin of(String value) {
        return new Pin(Objects.requireNonNull(value, "value").toCharArray());
    }

    /** The characters (a copy), for the login call only. */
    char[] chars() {
        return value.clone();
    }

    @Override
    public String toString() {
        return "Pin[hidden]";
    }
}
