package io.cairn.membership;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A member organisation of the consortium (or an applicant).
 *
 * @param id               stable identifier
 * @param lei              its Legal Entity Identifier
 * @param legalName        registered legal name
 * @param jurisdiction     ISO 3166-1 alpha-2 code of the jurisdiction it is registered in
 * @param contacts         people to contact
 * @param roles            what it does in the consortium
 * @param ledgerIdentities its identities on the consortium's ledgers
 * @param status           current status; {@link MemberRegistry#history} has every change
 * @param createdAt        when it was first recorded
 * @param createdBy        who recorded it
 */
public record Member(UUID id, Lei lei, String legalName, String jurisdiction, List<Contact> contacts,
                     Set<ConsortiumRole> roles, LedgerIdentities ledgerIdentities, MemberStatus status,
                     Instant createdAt, String createdBy) {
    /** Copies the collections. */
    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lei, "lei");
        contacts = List.copyOf(contacts);
        roles = Set.copyOf(roles);
        Objects.requireNonNull(ledgerIdentities, "ledgerIdentities");
        Objects.requireNonNull(status, "status");
    }

    /** This member with another status. */
    public Member withStatus(MemberStatus next) {
        return new Member(id, lei, legalName, jurisdiction, contacts, roles, ledgerIdentities, next, createdAt, createdBy);
    }
}
