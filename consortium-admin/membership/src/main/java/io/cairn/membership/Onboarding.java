package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The onboarding workflow: application (the organisation becomes an applicant; the consortium CA checks its
 * CSR), due-diligence checklist, admission vote, decision (an approval issues the member certificate in the
 * same transaction, with its {@link ProvisioningPlan}). An approved application waits in
 * {@code approved-pending-provisioning} until every provisioning step is done or overridden, then becomes
 * {@code provisioned} and its member {@code active} ({@link ProvisioningPlanner}); a rejected one keeps its reasons and
 * the applicant's status becomes {@code removed} (it may apply again later).
 */
public final class Onboarding {
    private final Jdbi jdbi;
    private final MemberRegistry members;
    private final ApplicationRecords applications;
    private final Governance governance;
    private final MembershipSettings settings;
    private final CertificateIssuer issuer;
    private final JournalRelay relay;
    private final Clock clock;

    Onboarding(Jdbi jdbi, MemberRegistry members, ApplicationRecords applications, Governance governance,
               MembershipSettings settings, CertificateIssuer issuer, JournalRelay relay, Clock clock) {
        this.jdbi = jdbi;
        this.members = members;
        this.applications = applications;
        this.governance = governance;
        this.settings = settings;
        this.issuer = issuer;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Submits an application.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0006} when the organisation is already a member or applicant;
     *                        the consortium CA's code when it would not certify the CSR (e.g. {@code 0018} weak key)
     */
    public Application submit(MemberProfile profile, CertificateRequest csr, String by) {
        if (profile.roles().contains(ConsortiumRole.FOUNDER)) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "roles", "an applicant cannot be a founder");
        }
        issuer.check(csr);
        UUID id = UUID.randomUUID();
        Application application = jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            Optional<Member> known = members.findByLei(h, profile.lei());
            if (known.isPresent() && known.get().status() != MemberStatus.REMOVED) {
                throw new CairnException(ErrorCode.MEMBER_ALREADY_REGISTERED, "the organisation with LEI "
                        + profile.lei() + " is already " + known.get().status().label());
            }
            Member applicant = known.isPresent() ? members.reapply(h, known.get(), profile, by, now)
                    : members.insert(h, profile, MemberStatus.APPLICANT, by, now, "applied for membership");
            applications.insert(h, id, applicant, csr, by, now, settings.checklist());
            MembershipEvents.record(h, MembershipEvents.APPLICATION_SUBMITTED, by, "application/" + id, now,
                    Map.of("lei", profile.lei().value(), "legal-name", profile.legalName(),
                            "csr-subject", csr.subject()));
            return require(h, id, false);
        });
        relay.deliverQuietly();
        return application;
    }

    /**
     * Ticks a due-diligence item with its evidence.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0013} when the application is past due diligence or the
     *                        item is already ticked; {@code CAIRN-API-0009} for an unknown item
     */
    public Application tick(UUID id, String item, String by, String evidence, Optional<String> reference) {
        Application result = jdbi.inTransaction(h -> {
            Application application = inState(h, id, ApplicationState.DUE_DILIGENCE, "tick checklist items");
            ChecklistItem entry = application.checklist().stream().filter(i -> i.item().equals(item)).findFirst()
                    .orElseThrow(() -> new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND, "application " + id
                            + " has no checklist item '" + item + "'; items are "
                            + application.checklist().stream().map(ChecklistItem::item).toList()));
            Instant now = clock.instant();
            if (entry.done() || !applications.tick(h, id, item, by, now, evidence, reference)) {
                throw new CairnException(ErrorCode.MEMBER_WRONG_STATE, "checklist item '" + item
                        + "' was already ticked by " + entry.tickedBy().orElse("another administrator"));
            }
            MembershipEvents.record(h, MembershipEvents.CHECKLIST_TICKED, by, "application/" + id, now,
                    Map.of("item", item, "evidence", evidence, "reference", reference.orElse("-")));
            return require(h, id, false);
        });
        relay.deliverQuietly();
        return result;
    }

    /**
     * Opens the admission vote once the checklist is complete.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0012} when items are open, {@code 0013} in another state
     */
    public Application openVote(UUID id, String by) {
        Application result = jdbi.inTransaction(h -> {
            Application application = inState(h, id, ApplicationState.DUE_DILIGENCE, "open the admission vote");
            List<String> open = application.checklist().stream().filter(i -> !i.done()).map(ChecklistItem::item).toList();
            if (!open.isEmpty()) {
                throw new CairnException(ErrorCode.MEMBER_CHECKLIST_INCOMPLETE,
                        "the due-diligence checklist still has open items: " + open);
            }
            Member applicant = application.member();
            Proposal proposal = governance.open(h, ProposalKind.ADMIT_MEMBER, Optional.of(applicant),
                    application.submittedBy(), by, "admission of " + applicant.legalName() + " (LEI "
                            + applicant.lei() + ")", Optional.empty());
            applications.votingOpened(h, id, proposal.id());
            governance.decideIfSettled(h, proposal);
            return require(h, id, false);
        });
        relay.deliverQuietly();
        return result;
    }

    /**
     * Rejects an application during due diligence; the applicant's status becomes {@code removed}.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0013} once the vote is open (the vote decides) or decided
     */
    public Application reject(UUID id, String by, List<String> reasons) {
        Application result = jdbi.inTransaction(h -> {
            Application application = inState(h, id, ApplicationState.DUE_DILIGENCE, "reject it by decision");
            Instant now = clock.instant();
            applications.reject(h, id, now, reasons);
            String reason = "application rejected: " + String.join("; ", reasons);
            members.changeStatus(h, application.member(), MemberStatus.REMOVED, by, now, reason);
            MembershipEvents.record(h, MembershipEvents.STATUS_CHANGED, by, "member/" + application.member().lei(), now,
                    Map.of("from", application.member().status().label(), "to", MemberStatus.REMOVED.label(),
                            "reason", reason));
            MembershipEvents.record(h, MembershipEvents.APPLICATION_REJECTED, by, "application/" + id, now,
                    Map.of("lei", application.member().lei().value(), "reasons", String.join("; ", reasons)));
            return require(h, id, false);
        });
        relay.deliverQuietly();
        return result;
    }

    /** An application; its admission vote is decided first if its window has closed. */
    public Application get(UUID id) {
        Application application = jdbi.withHandle(h -> require(h, id, false));
        if (application.state() == ApplicationState.VOTING) {
            governance.status(application.proposalId().orElseThrow());
            return jdbi.withHandle(h -> require(h, id, false));
        }
        return application;
    }

    /** Applications, newest first. */
    public List<Application> list(Optional<ApplicationState> state, int offset, int limit) {
        governance.settleDue();
        return jdbi.withHandle(h -> applications.list(h, state, offset, limit));
    }

    private Application inState(Handle h, UUID id, ApplicationState expected, String action) {
        Application application = applications.find(h, id, true).orElseThrow(() -> notFound(id));
        if (application.state() != expected) {
            throw new CairnException(ErrorCode.MEMBER_WRONG_STATE, "application " + id + " is "
                    + application.state().label() + "; only an application in " + expected.label() + " can " + action);
        }
        return application;
    }

    private Application require(Handle h, UUID id, boolean lock) {
        return applications.find(h, id, lock).orElseThrow(() -> notFound(id));
    }

    private static CairnException notFound(UUID id) {
        return new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND, "no application with id " + id);
    }
}
