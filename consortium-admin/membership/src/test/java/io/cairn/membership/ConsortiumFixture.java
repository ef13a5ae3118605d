package io.cairn.membership;

import io.cairn.kernel.access.Role;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.storage.Database;
import io.cairn.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A consortium on a real embedded PostgreSQL in a temporary directory: three founding members (Bank A, B, C
 * with real published LEIs) and their representatives, a fixed table of appliance users, a recording
 * journal and a clock the test moves.
 */
final class ConsortiumFixture implements AutoCloseable {
    static final String LEI_A = "506700GE1G29325QX363";
    static final String LEI_B = "7LTWFZYICNSX8D621K86";
    static final String LEI_C = "7H6GLXDRUGQFU57RNE97";
    static final Set<Role> MEMBER = Set.of(Role.MEMBER);
    static final Set<Role> ADMIN = Set.of(Role.CONSORTIUM_ADMIN);

    /** Users of the appliance, as the identity module would answer. */
    static final Map<String, Set<Role>> USERS = Map.ofEntries(
            Map.entry("rep-a", MEMBER), Map.entry("rep-b", MEMBER), Map.entry("rep-c", MEMBER),
            Map.entry("rep-c2", MEMBER), Map.entry("rep-d", MEMBER), Map.entry("rep-e", MEMBER),
            Map.entry("rep-f", MEMBER), Map.entry("rep-g", MEMBER), Map.entry("admin-1", ADMIN), Map.entry("admin-2", ADMIN),
            Map.entry("admin-rep", Set.of(Role.CONSORTIUM_ADMIN, Role.MEMBER)),
            Map.entry("auditor", Set.of(Role.AUDITOR)));

    final Database db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final RecordingJournal journal = new RecordingJournal();
    final CertificateIssuer issuer;
    final Optional<List<LedgerProvisioner>> provisioners;
    Consortium consortium;

    ConsortiumFixture(Path dir) {
        this(dir, CertificateIssuer.none());
    }

    /** A consortium whose decisions go to this certificate issuer. */
    ConsortiumFixture(Path dir, CertificateIssuer issuer) {
        this(dir, issuer, Optional.empty());
    }

    /** A consortium with ledger provisioning through these provisioners (retry delay 1 minute, at most 8, 4 attempts). */
    ConsortiumFixture(Path dir, List<LedgerProvisioner> provisioners) {
        this(dir, CertificateIssuer.none(), Optional.of(provisioners));
    }

    private ConsortiumFixture(Path dir, CertificateIssuer issuer, Optional<List<LedgerProvisioner>> provisioners) {
        this.issuer = issuer;
        this.provisioners = provisioners;
        StorageSettings storage = StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS),
                Map.of("data-directory", dir.toString())));
        db = Database.open(storage, List.of(Consortium.MIGRATION));
        consortium = newConsortium();
    }

    private Consortium newConsortium() {
        MembershipSettings settings = new MembershipSettings(List.of("kyc", "sanctions-screening",
                "legal-agreement-signed"), new PolicyTerms(DecisionRule.MAJORITY, 50, Duration.ofDays(7)));
        if (provisioners.isPresent()) {
            return new Consortium(db.jdbi(), u -> Optional.ofNullable(USERS.get(u)), Optional.of(journal), settings,
                    issuer, provisioners.get(), new ProvisioningSettings(Duration.ofMinutes(1), Duration.ofMinutes(8), 4,
                    Duration.ofMinutes(15)), clock);
        }
        return new Consortium(db.jdbi(), u -> Optional.ofNullable(USERS.get(u)), Optional.of(journal), settings, issuer,
                clock);
    }

    /** Empties every table of the schema and starts a new consortium over it (policy version 1 again). */
    ConsortiumFixture reset() {
        db.jdbi().useHandle(h -> h.execute("truncate consortium.events, consortium.provisioning_steps, consortium.provisioning_plans, "
                + "consortium.checklist_items, consortium.applications, consortium.ballot_history, consortium.ballots, "
                + "consortium.electorate, consortium.proposals, consortium.governance_policies, "
                + "consortium.representatives, consortium.member_status_history, consortium.members restart identity"));
        journal.clear();
        consortium = newConsortium();
        return this;
    }

    /** Founds Bank A, B and C and designates rep-a, rep-b, rep-c (and admin-rep, rep-c2 for Bank C). */
    ConsortiumFixture founded() {
        found(LEI_A, "Bank A AG", "DE", "rep-a");
        found(LEI_B, "Bank B S.A.", "LU", "rep-b");
        found(LEI_C, "Bank C N.A.", "US", "rep-c");
        consortium.roster().designate(Lei.of(LEI_C), "admin-rep", "admin-1");
        consortium.roster().designate(Lei.of(LEI_C), "rep-c2", "admin-1");
        return this;
    }

    Member found(String lei, String name, String jurisdiction, String representative) {
        Member m = consortium.roster().found(profile(lei, name, jurisdiction, Set.of(ConsortiumRole.FOUNDER,
                ConsortiumRole.VALIDATOR)), "admin-1");
        consortium.roster().designate(Lei.of(lei), representative, "admin-1");
        return m;
    }

    static MemberProfile profile(String lei, String name, String jurisdiction, Set<ConsortiumRole> roles) {
        return new MemberProfile(Lei.of(lei), name, jurisdiction,
                List.of(new Contact("Ops Desk", "ops@" + name.toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z]", "") + ".example", "+49 69 1234 5678")),
                roles, LedgerIdentities.none());
    }

    /** Submits an application by {@code submitter}, ticks every checklist item and opens the vote. */
    Application applicationInVote(String lei, String name, String submitter) {
        Application a = consortium.onboarding().submit(profile(lei, name, "FR", Set.of(ConsortiumRole.PARTICIPANT)),
                CertificateRequest.parse("csr", TestPki.csr("CN=" + name + ", O=" + name)), submitter);
        tickAll(a.id());
        return consortium.onboarding().openVote(a.id(), "admin-1");
    }

    void tickAll(UUID application) {
        for (String item : List.of("kyc", "sanctions-screening", "legal-agreement-signed")) {
            consortium.onboarding().tick(application, item, "admin-2", "checked " + item, Optional.of("CASE-" + item));
        }
    }

    /** A valid LEI made from an 18-character base by computing its check digits. */
    static String lei(String base) {
        int remainder = Lei.mod97(base + "00");
        return base + String.format("%02d", 98 - remainder);
    }

    int count(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from consortium." + table).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        db.close();
    }
}
