package io.cairn.membership;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a proposal asks the consortium to decide. */
public enum ProposalKind {
    /** Admit an applicant (opened from its onboarding application). */
    ADMIT_MEMBER,
    /** Suspend an active member. */
    SUSPEND_MEMBER,
    /** Remove an active or suspended member. */
    REMOVE_MEMBER,
    /** Make a suspended member active again. */
    REINSTATE_MEMBER,
    /** Adopt a new version of the governance policy. */
    CHANGE_POLICY;

    /** The API name, e.g. {@code admit-member}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind with this API name. */
    public static Optional<ProposalKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst();
    }
}
