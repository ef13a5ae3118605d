package io.cairn.membership;

import java.util.Arrays;
import java.util.Locale;

/** Where an onboarding application stands. */
public enum ApplicationState {
    /** Submitted; administrators work through the due-diligence checklist. */
    DUE_DILIGENCE,
    /** The admission vote is open. */
    VOTING,
    /** Admitted (certificate issued); its ledger provisioning plan is being carried out. */
    APPROVED_PENDING_PROVISIONING,
    /** Every provisioning step is done or overridden; the member is active. */
    PROVISIONED,
    /** Refused by an administrator or by the vote; the reasons are kept. */
    REJECTED;

    /** The API name, e.g. {@code approved-pending-provisioning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The state with this API name. */
    public static ApplicationState fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown application state " + label));
    }
}
