package io.cairn.membership;

import io.cairn.audit.spi.AuditJournal;
import io.cairn.http.ApiService;
import io.cairn.storage.SchemaMigration;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The membership module wired together: repositories, the governance, onboarding and provisioning services, the
 * journal relay and the API resources. Create it after the {@code consortium} schema is migrated; creating it
 * adopts governance policy version 1 from the settings when the consortium has no policy yet.
 */
public final class Consortium {
    /** The schema migrations of this module. */
    public static final SchemaMigration MIGRATION = SchemaMigration.of("consortium");

    private final MemberRegistry members;
    private final Representatives representatives;
    private final PolicyBook policies;
    private final Governance governance;
    private final Onboarding onboarding;
    private final Roster roster;
    private final JournalRelay relay;
    private final Provisioning provisioning;
    private final ProvisioningRunner runner;

    /**
     * Wires the module without ledger provisioning: approved admissions wait in
     * {@code approved-pending-provisioning} with an empty plan (their member stays an applicant).
     *
     * @param jdbi     the appliance database (schema {@code consortium} migrated)
     * @param accounts the appliance's users, to check representatives
     * @param journal  the audit journal; when empty, events wait in the outbox
     * @param settings membership settings
     * @param clock    the clock every time of this module comes from
     */
    public Consortium(Jdbi jdbi, AccountDirectory accounts, Optional<AuditJournal> journal, MembershipSettings settings,
                      Clock clock) {
        this(jdbi, accounts, journal, settings, CertificateIssuer.none(), clock);
    }

    /**
     * Wires the module with the consortium CA, without ledger provisioning (see the first constructor).
     *
     * @param jdbi     the appliance database (schema {@code consortium} migrated); the issuer must use the same
     *                 {@link Jdbi} instance so its writes join the transaction that records each decision
     * @param accounts the appliance's users, to check representatives
     * @param journal  the audit journal; when empty, events wait in the outbox
     * @param settings membership settings
     * @param issuer   the consortium CA: checks CSRs on submission, issues on admission, holds on suspension,
     *                 revokes on removal
     * @param clock    the clock every time of this module comes from
     */
    public Consortium(Jdbi jdbi, AccountDirectory accounts, Optional<AuditJournal> journal, MembershipSettings settings,
                      CertificateIssuer issuer, Clock clock) {
        this(jdbi, accounts, journal, settings, issuer, Optional.empty(), ProvisioningSettings.defaults(), clock);
    }

    /**
     * Wires the module with the consortium CA and ledger provisioning.
     *
     * @param jdbi                 the appliance database (schema {@code consortium} migrated)
     * @param accounts             the appliance's users, to check representatives
     * @param journal              the audit journal; when empty, events wait in the outbox
     * @param settings             membership settings
     * @param issuer               the consortium CA
     * @param provisioners         one provisioner per ledger the consortium provisions; an empty list means
     *                             nothing to provision: an approved admission completes at once (member active)
     * @param provisioningSettings retry policy of the provisioning runner
     * @param clock                the clock every time of this module comes from
     */
    public Consortium(Jdbi jdbi, AccountDirectory accounts, Optional<AuditJournal> journal, MembershipSettings settings,
                      CertificateIssuer issuer, List<LedgerProvisioner> provisioners,
                      ProvisioningSettings provisioningSettings, Clock clock) {
        this(jdbi, accounts, journal, settings, issuer, Optional.of(List.copyOf(provisioners)), provisioningSettings,
                clock);
    }

    private Consortium(Jdbi jdbi, AccountDirectory accounts, Optional<AuditJournal> journal, MembershipSettings settings,
                       CertificateIssuer issuer, Optional<List<LedgerProvisioner>> provisioners,
                       ProvisioningSettings provisioningSettings, Clock clock) {
        this.members = new MemberRegistry(jdbi);
        this.representatives = new Representatives(jdbi, accounts);
        this.policies = new PolicyBook(jdbi);
        this.relay = new JournalRelay(jdbi, journal, clock);
        ProvisioningRecords steps = new ProvisioningRecords();
        ApplicationRecords applications = new ApplicationRecords(members, steps);
        ProvisioningPlanner planner = new ProvisioningPlanner(jdbi, steps, members, applications, provisioners, clock);
        this.provisioning = new Provisioning(jdbi, steps, members, applications, representatives, planner, relay, clock);
        this.runner = new ProvisioningRunner(jdbi, steps, planner, provisioningSettings, relay, clock);
        this.governance = new Governance(jdbi, members, representatives, policies, new ProposalRecords(),
                new Decisions(members, policies, applications, issuer, planner), relay, clock);
        this.onboarding = new Onboarding(jdbi, members, applications, governance, settings, issuer, relay, clock);
        this.roster = new Roster(jdbi, members, representatives, governance, issuer, relay, clock);
        policies.ensureInitial(settings.initialPolicy(), clock.instant());
        relay.deliverQuietly();
    }

    /** The API resources: members, onboarding applications, votes, governance policy. */
    public List<ApiService> apiServices() {
        return List.of(new MembersApi(members, representatives, roster), new OnboardingApi(onboarding),
                new VotesApi(governance, members), new GovernancePolicyApi(policies, governance, members),
                new ProvisioningApi(provisioning));
    }

    /** Ledger provisioning plans, overrides and retries. */
    public Provisioning provisioning() {
        return provisioning;
    }

    /** Executes due provisioning steps; the appliance's leader job calls {@link ProvisioningRunner#runDue()}. */
    public ProvisioningRunner provisioningRunner() {
        return runner;
    }

    /** Member organisations and their history. */
    public MemberRegistry members() {
        return members;
    }

    /** Founding members and representatives. */
    public Roster roster() {
        return roster;
    }

    /** Proposals and votes. */
    public Governance governance() {
        return governance;
    }

    /** The onboarding workflow. */
    public Onboarding onboarding() {
        return onboarding;
    }

    /** The governance policy versions. */
    public PolicyBook policies() {
        return policies;
    }

    /** Representatives. */
    public Representatives representatives() {
        return representatives;
    }

    /** The outbox relay to the audit journal; {@link JournalRelay#deliverPending()} may be scheduled. */
    public JournalRelay relay() {
        return relay;
    }
}
