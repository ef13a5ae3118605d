package io.cairn.custody.vault;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of one Transit key, as a key handle names it: {@code <label>.<24 hex>:v<version>}.
 *
 * <p>The key's name (without the configured prefix) is {@code <label>.<24 hex>}: the label the key was
 * created with (Transit keys carry no other metadata, so the label lives in the name) and 96 random bits
 * that make every name new. The version pins the public key: a handle always means the same key, and a
 * rotation gives a new handle while older handles still sign and verify.
 *
 * @param label   the key's label
 * @param suffix  24 lower-case hex digits
 * @param version the Transit key version, at least 1
 */
record TransitKeyRef(String label, String suffix, int version) {
    private static final Pattern ID = Pattern.compile(
            "([A-Za-z0-9][A-Za-z0-9._-]{0,63})\\.([0-9a-f]{24}):v([1-9][0-9]{0,8})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new key name for {@code label}, version 1. */
    static TransitKeyRef create(String label) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return new TransitKeyRef(label, HexFormat.of().formatHex(random), 1);
    }

    /** The reference a handle id names; empty when the id is not one this backend issues. */
    static Optional<TransitKeyRef> parse(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TransitKeyRef(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
    }

    /** The Transit key name without the configured prefix. */
    String name() {
        return label + "." + suffix;
    }

    /** The same key at another version. */
    TransitKeyRef atVersion(int newVersion) {
        return new TransitKeyRef(label, suffix, newVersion);
    }

    /** The handle id: {@code <name>:v<version>}. */
    String id() {
        return name() + ":v" + version;
    }
}
