package io.cairn.membership;

import java.util.Arrays;
import java.util.Locale;

/** Where a member organisation stands in the consortium. */
public enum MemberStatus {
    /** Applied; not yet admitted (or admitted and waiting for provisioning). */
    APPLICANT,
    /** A full member: votes and transacts. */
    ACTIVE,
    /** Temporarily excluded: does not vote. */
    SUSPENDED,
    /** No longer a member (also an applicant whose application was rejected). */
    REMOVED;

    /** The API and database name, e.g. {@code active}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this name. */
    public static MemberStatus fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown member status " + label));
    }
}
