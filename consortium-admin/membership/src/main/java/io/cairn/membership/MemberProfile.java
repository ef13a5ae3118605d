package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an organisation declares about itself, validated: the data of a founding member or an applicant.
 *
 * @param lei              Legal Entity Identifier
 * @param legalName        registered legal name, 1-500 characters
 * @param jurisdiction     officially assigned ISO 3166-1 alpha-2 code
 * @param contacts         at least one contact
 * @param roles            at least one consortium role
 * @param ledgerIdentities ledger identities
 */
public record MemberProfile(Lei lei, String legalName, String jurisdiction, List<Contact> contacts,
                            Set<ConsortiumRole> roles, LedgerIdentities ledgerIdentities) {
    /** Validates the profile. */
    public MemberProfile {
        Objects.requireNonNull(lei, "lei");
        if (legalName == null || legalName.isBlank() || legalName.length() > 500) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "legalName", "legalName must be 1-500 characters");
        }
        legalName = legalName.strip();
        jurisdiction = Jurisdictions.require("jurisdiction", jurisdiction);
        if (contacts == null || contacts.isEmpty() || contacts.size() > 20) {
            throw CairnException.field(ErrorCode.MEMBER_INVALID_CONTACT, "contacts", "give 1-20 contacts");
        }
        contacts = List.copyOf(contacts);
        if (roles == null || roles.isEmpty()) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "roles", "give at least one consortium role");
        }
        roles = Set.copyOf(roles);
        Objects.requireNonNull(ledgerIdentities, "ledgerIdentities");
    }
}
