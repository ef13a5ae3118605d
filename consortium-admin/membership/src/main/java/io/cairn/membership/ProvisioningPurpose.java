package io.cairn.membership;

import java.util.Locale;

/** Why a ledger provisioning plan is made: the membership decision whose ledger side it carries out. */
public enum ProvisioningPurpose {
    /** An admission was approved: give the new member access to the ledgers. */
    ADMIT,
    /** A member was suspended: take its access away for now. */
    SUSPEND,
    /** A suspended member is active again: give its access back. */
    REINSTATE,
    /** A member was removed: take its access away for good (validator sets included). */
    REMOVE;

    /** The API and database name, e.g. {@code admit}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The purpose with this name. */
    public static ProvisioningPurpose fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
