package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The consortium's founding members, the representatives who vote for member organisations, and certificates
 * issued to active members outside onboarding.
 */
public final class Roster {
    private final Jdbi jdbi;
    private final MemberRegistry members;
    private final Representatives representatives;
    private final Governance governance;
    private final CertificateIssuer issuer;
    private final JournalRelay relay;
    private final Clock clock;

    Roster(Jdbi jdbi, MemberRegistry members, Representatives representatives, Governance governance,
           CertificateIssuer issuer, JournalRelay relay, Clock clock) {
        this.jdbi = jdbi;
        this.members = members;
        this.representatives = representatives;
        this.governance = governance;
        this.issuer = issuer;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Issues a certificate to an active member from its CSR, outside onboarding: founding members (who did
     * not apply) and renewals. Journaled as {@code membership.certificate-issued} with serial and fingerprint.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0013} when the member is not active, {@code 0021} without a
     *                        consortium CA, the CA's codes for a request it refuses
     */
    public MemberCertificate certify(Lei lei, CertificateRequest csr, String by) {
        issuer.check(csr);
        MemberCertificate issued = jdbi.inTransaction(h -> {
            Member member = members.findByLei(h, lei).orElseThrow(() -> new CairnException(
                    ErrorCode.API_RESOURCE_NOT_FOUND, "no member organisation with LEI " + lei));
            if (member.status() != MemberStatus.ACTIVE) {
                throw new CairnException(ErrorCode.MEMBER_WRONG_STATE, "a " + member.status().label()
                        + " organisation gets no certificate here; applicants get theirs when admitted");
            }
            MemberCertificate certificate = issuer.issue(member, csr).orElseThrow(() -> new CairnException(
                    ErrorCode.MEMBER_CA_NOT_CONFIGURED, "this appliance has no consortium CA"));
            MembershipEvents.certificate(h, MembershipEvents.CERTIFICATE_ISSUED, by, member, certificate, clock.instant(),
                    Map.of("csr-subject", csr.subject()));
            return certificate;
        });
        relay.deliverQuietly();
        return issued;
    }

    /**
     * Records a founding member, active at once. Allowed only until the first proposal is opened; after
     * that, organisations join through onboarding.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0015} after the first proposal, {@code 0006} for a known LEI
     */
    public Member found(MemberProfile profile, String by) {
        Member member = jdbi.inTransaction(h -> {
            h.execute("lock table consortium.proposals in share mode");
            if (!governance.foundingOpen(h)) {
                throw new CairnException(ErrorCode.MEMBER_FOUNDING_CLOSED, "founding members can only be created "
                        + "before the first proposal; submit an onboarding application instead");
            }
            Instant now = clock.instant();
            Member created = members.insert(h, profile, MemberStatus.ACTIVE, by, now, "founding member");
            MembershipEvents.record(h, MembershipEvents.MEMBER_FOUNDED, by, "member/" + created.lei(), now,
                    Map.of("legal-name", created.legalName(), "jurisdiction", created.jurisdiction()));
            return created;
        });
        relay.deliverQuietly();
        return member;
    }

    /**
     * Designates a user as a representative of a member organisation.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0016} when the user cannot be designated,
     *                        {@code CAIRN-MEMBER-0013} when the organisation was removed
     */
    public Representative designate(Lei lei, String username, String by) {
        Representative rep = jdbi.inTransaction(h -> {
            Member member = members.findByLei(h, lei).orElseThrow(() -> new CairnException(
                    ErrorCode.API_RESOURCE_NOT_FOUND, "no member organisation with LEI " + lei));
            if (member.status() == MemberStatus.REMOVED) {
                throw new CairnException(ErrorCode.MEMBER_WRONG_STATE, "a removed organisation has no representatives");
            }
            Instant now = clock.instant();
            Representative designated = representatives.designate(h, member, username, by, now);
            MembershipEvents.record(h, MembershipEvents.REPRESENTATIVE_DESIGNATED, by, "member/" + lei, now,
                    Map.of("username", username));
            return designated;
        });
        relay.deliverQuietly();
        return rep;
    }

    /**
     * Ends a user's designation: from now on the user cannot vote for the organisation. Ballots already cast
     * stay counted.
     *
     * @throws CairnException {@code CAIRN-API-0009} when the user does not represent the organisation
     */
    public void revoke(Lei lei, String username, String by) {
        jdbi.useTransaction(h -> {
            Member member = members.findByLei(h, lei).orElseThrow(() -> new CairnException(
                    ErrorCode.API_RESOURCE_NOT_FOUND, "no member organisation with LEI " + lei));
            if (!representatives.revoke(h, member, username)) {
                throw new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND,
                        "'" + username + "' is not a representative of " + lei);
            }
            MembershipEvents.record(h, MembershipEvents.REPRESENTATIVE_REVOKED, by, "member/" + lei, clock.instant(),
                    Map.of("username", username));
        });
        relay.deliverQuietly();
    }
}
