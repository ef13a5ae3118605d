package io.cairn.custody.spi;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An opaque reference to a key held by one backend. It names the key; it never contains key material.
 *
 * @param backend the {@link KeyCustody#backend()} that holds the key
 * @param id      the backend's identifier for the key (printable, at most 128 characters)
 */
public record KeyHandle(String backend, String id) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");

    /** Validates both parts. */
    public KeyHandle {
        Objects.requireNonNull(backend, "backend");
        if (id == null || !ID.matcher(id).matches()) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "key",
                    "a key id is 1 to 128 letters, digits or '._:/-'");
        }
    }

    @Override
    public String toString() {
        return backend + ":" + id;
    }
}
