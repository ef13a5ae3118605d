package io.cairn.kernel.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a user can hold. Every endpoint declares the roles allowed to call it; nothing is allowed by
 * default.
 */
public enum Role {
    /** Governs the consortium: members, votes, policy, users and keys. */
    CONSORTIUM_ADMIN("consortium-admin"),
    /** Runs the appliance: ledgers, anchoring, health, day-to-day operations. */
    OPERATOR("operator"),
    /** Exports audit trails, evidence bundles and regulator reports. */
    COMPLIANCE_OFFICER("compliance-officer"),
    /** Reads everything an auditor needs; changes nothing. */
    AUDITOR("auditor"),
    /** A representative of a member organisation: submits messages, votes for its organisation. */
    MEMBER("member");

    /** Every role. */
    public static final Set<Role> ALL = Set.of(values());

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The name used in the API, configuration and documentation, e.g. {@code consortium-admin}. */
    public String label() {
        return label;
    }

    /** The role with this API name. */
    public static Optional<Role> fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }
}
