package io.cairn.appliance;

import io.cairn.audit.spi.CheckpointSigner;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.http.ApiRouter;
import io.cairn.http.ApiService;
import io.cairn.http.ApplianceServer;
import io.cairn.http.FailureTranslator;
import io.cairn.http.HealthCheck;
import io.cairn.http.HealthRoutes;
import io.cairn.http.HttpSettings;
import io.cairn.http.MetricsRoutes;
import io.cairn.http.ServerTls;
import io.cairn.identity.Bootstrap;
import io.cairn.identity.DirectoryAuthenticator;
import io.cairn.identity.IdentityApi;
import io.cairn.identity.IdentitySettings;
import io.cairn.identity.TokenRegistry;
import io.cairn.identity.User;
import io.cairn.identity.UserDirectory;
import io.cairn.journal.CheckpointLog;
import io.cairn.journal.CheckpointScheduler;
import io.cairn.anchoring.AnchoringPipeline;
import io.cairn.blocks.BlocksDatabase;
import io.cairn.ca.CaSettings;
import io.cairn.ca.ConsortiumCa;
import io.cairn.membership.ProvisioningSettings;
import io.cairn.provisioning.besu.BesuProvisioningSettings;
import io.cairn.journal.JournalApi;
import io.cairn.journal.JournalAudit;
import io.cairn.journal.JournalProofs;
import io.cairn.journal.JournalSettings;
import io.cairn.journal.PostgresJournal;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.signing.LedgerFormats;
import io.cairn.signing.SigningService;
import io.cairn.signing.SigningServiceSettings;
import io.cairn.membership.Consortium;
import io.cairn.membership.MembershipSettings;
import io.cairn.storage.Database;
import io.cairn.storage.InstanceLock;
import io.cairn.storage.SchemaMigration;
import io.cairn.storage.StorageSettings;
import io.cairn.storage.StoreFailures;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.cairn.storage.leadership.LeaderLease;
import io.cairn.storage.leadership.LeadershipSettings;
import io.cairn.storage.leadership.LeaseConnector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * The running appliance, and the only place where modules are wired together: data directory lock,
 * telemetry, database and migrations, identity, the API and the listener. Closing it stops everything in
 * reverse order.
 */
public final class Appliance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Appliance.class.getName());

    private final List<AutoCloseable> resources;
    private final ApplianceServer server;
    private final ApiRouter router;
    private final Optional<Bootstrap.Administrator> administrator;
    private final Database database;

    private Appliance(List<AutoCloseable> resources, ApplianceServer server, ApiRouter router,
                      Optional<Bootstrap.Administrator> administrator, Database database) {
        this.resources = resources;
        this.server = server;
        this.router = router;
        this.administrator = administrator;
        this.database = database;
    }

    /** Starts the appliance; on failure, whatever was started is stopped again. */
    public static Appliance start(CairnConfig config) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            return start(config, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** What every module is built on: telemetry, the database, the leader lease, key custody, the clock. */
    private record Platform(StorageSettings storage, Telemetry telemetry, Database database, LeaderLease lease,
                            KeyCustodies custodies, Clock clock) {
    }

    /** The audit journal with its checkpoints and tamper audit. */
    private record Journal(PostgresJournal log, JournalSettings settings, CheckpointLog checkpoints, JournalAudit audit) {
    }

    /** The API resources, the authenticator's directories and the first administrator, if created now. */
    private record Modules(List<ApiService> services, UserDirectory users, TokenRegistry tokens,
                           Optional<Bootstrap.Administrator> administrator, PkiRoutes pki) {
    }

    private static Appliance start(CairnConfig config, List<AutoCloseable> resources) {
        HttpSettings http = HttpSettings.from(config);
        Platform platform = platform(config, resources);
        Journal journal = journal(config, platform, resources);
        Modules modules = modules(config, platform, journal, resources);
        ApiRouter router = new ApiRouter(modules.services(), new DirectoryAuthenticator(modules.tokens(),
                modules.users(), platform.clock()), http, platform.telemetry().observability(), List.of(lostDatabase()));
        Optional<ServerTls> tls = ServerTls.of(http, platform.storage().dataDirectory());
        alertMetrics(platform.telemetry().meters(), journal.audit(), tls);
        HealthRoutes health = new HealthRoutes(readiness(platform, journal));
        MetricsRoutes metrics = new MetricsRoutes(platform.telemetry().prometheus());
        ApplianceServer server = ApplianceServer.start(http, tls, routing -> {
            health.register(routing);
            metrics.register(routing);
            modules.pki().register(routing);
            router.register(routing);
        });
        resources.add(server);
        CheckpointScheduler scheduler = new CheckpointScheduler(journal.checkpoints(), journal.audit(),
                journal.settings(), platform.lease().stillLeading());
        scheduler.start();
        resources.add(scheduler);
        Appliance appliance = new Appliance(resources, server, router, modules.administrator(), platform.database());
        StartupReport.log(appliance, http, tls);
        return appliance;
    }

    private static Platform platform(CairnConfig config, List<AutoCloseable> resources) {
        StorageSettings storage = StorageSettings.from(config);
        resources.add(InstanceLock.acquire(storage.dataDirectory()));
        Telemetry telemetry = Telemetry.start(ObservabilitySettings.from(config));
        resources.add(telemetry);
        Database database = Database.open(storage, List.of(SchemaMigration.of("identity"), Consortium.MIGRATION,
                ConsortiumCa.MIGRATION, PostgresJournal.MIGRATION, BlocksDatabase.MIGRATION,
                SchemaMigration.of("anchoring"), SchemaMigration.of("signing"), SchemaMigration.of("signing_service"),
                SchemaMigration.of("appliance")));
        resources.add(database);
        LeaderLease lease = LeaderLease.start("background-jobs", LeaseConnector.sameServerAs(database.dataSource()),
                LeadershipSettings.from(config), () -> LOG.info("this instance now runs the background jobs"),
                () -> LOG.warning("this instance no longer runs the background jobs"));
        resources.add(lease);
        Gauge.builder("cairn.leader", lease, l -> l.isLeader() ? 1 : 0)
                .description("1 while this instance runs the background jobs").tag("lease", lease.name())
                .register(telemetry.meters());
        KeyCustodies custodies = KeyCustodies.open(config, database.dataSource(), storage.dataDirectory());
        resources.add(custodies);
        return new Platform(storage, telemetry, database, lease, custodies, Clock.systemUTC());
    }

    private static Journal journal(CairnConfig config, Platform platform, List<AutoCloseable> resources) {
        JournalSettings settings = JournalSettings.from(config);
        PostgresJournal log = PostgresJournal.open(platform.database().dataSource(), settings);
        resources.add(log);
        CheckpointLog checkpoints = new CheckpointLog(log, checkpointSigner(config, platform.database(),
                platform.custodies(), platform.clock()), settings, platform.clock());
        return new Journal(log, settings, checkpoints, new JournalAudit(log, platform.clock()));
    }

    private static Modules modules(CairnConfig config, Platform platform, Journal journal,
                                   List<AutoCloseable> resources) {
        Jdbi jdbi = platform.database().jdbi();
        Clock clock = platform.clock();
        IdentitySettings identity = IdentitySettings.from(config);
        UserDirectory users = new UserDirectory(jdbi);
        TokenRegistry tokens = new TokenRegistry(jdbi);
        Optional<Bootstrap.Administrator> administrator = new Bootstrap(jdbi, users, tokens, clock)
                .ensureAdministrator(identity);
        SigningService signing = new SigningService(jdbi, platform.custodies().all(), journal.log(),
                LedgerFormats.standard(), SigningServiceSettings.from(config), clock);
        ConsortiumCa ca = new ConsortiumCa(jdbi, new ConsortiumCaKey(signing, config.string(SystemKeys.BACKEND)),
                CaSettings.from(config), clock);
        AnchoringLayer anchoring = AnchoringLayer.ledgers(config, jdbi, platform.storage().dataDirectory(), signing,
                journal.log(), clock);
        resources.add(anchoring.ledgers());
        Consortium consortium = new Consortium(jdbi, username -> users.find(username).filter(User::enabled)
                .map(User::roles), Optional.of(journal.log()), MembershipSettings.from(config), ca.issuer(),
                anchoring.provisioners(BesuProvisioningSettings.from(config), resources),
                ProvisioningSettings.from(config), clock);
        ApplicationLayer applications = ApplicationLayer.wire(config, jdbi, journal.log(), journal.checkpoints(),
                consortium.members(), anchoring::kind, clock);
        schedule(resources, platform.lease(), clock, consortium, signing, applications, anchoring,
                anchoring.pipeline(applications, journal.log(), platform.telemetry().meters(), clock));
        List<ApiService> services = new ArrayList<>();
        services.add(new IdentityApi(jdbi, users, tokens, identity, clock));
        services.addAll(consortium.apiServices());
        services.addAll(ca.apiServices());
        services.addAll(signing.apiServices());
        services.add(new JournalApi(journal.log(), journal.checkpoints(),
                new JournalProofs(journal.log(), journal.checkpoints()), journal.audit()));
        services.addAll(applications.services());
        services.addAll(anchoring.services(clock));
        services.add(new OpenApiService(List.copyOf(services), Version.current()));
        return new Modules(services, users, tokens, administrator, new PkiRoutes(ca));
    }

    /** The background jobs; each runs only on the instance holding the lease. */
    private static void schedule(List<AutoCloseable> resources, LeaderLease lease, Clock clock, Consortium consortium,
                                 SigningService signing, ApplicationLayer applications, AnchoringLayer anchoring,
                                 AnchoringPipeline pipeline) {
        BackgroundJobs jobs = new BackgroundJobs();
        resources.add(jobs);
        jobs.every("settle-proposals", Duration.ofMinutes(1), () -> lease.runIfLeader(consortium.governance()::settleDue));
        jobs.every("relay-consortium-events", Duration.ofMinutes(1),
                () -> lease.runIfLeader(consortium.relay()::deliverPending));
        jobs.every("provision-members", Duration.ofMinutes(1),
                () -> lease.runIfLeader(consortium.provisioningRunner()::runDue));
        jobs.every("expire-signing-requests", Duration.ofMinutes(1),
                () -> lease.runIfLeader(signing.approvals()::expireDue));
        jobs.every("seal-verification-blocks", Duration.ofSeconds(1),
                () -> lease.runIfLeader(() -> applications.sealer().sealDue(clock.instant())));
        jobs.every("anchor-blocks", anchoring.settings().interval(), () -> lease.runIfLeader(() -> {
            anchoring.ledgers().load();
            pipeline.runOnce();
        }));
    }

    /** Metrics the shipped alert rules watch: journal tampering and the server certificate's expiry. */
    private static void alertMetrics(MeterRegistry meters, JournalAudit audit, Optional<ServerTls> tls) {
        FunctionCounter.builder("cairn.journal.tamper.detected", audit, JournalAudit::findingsSinceStart)
                .description("Findings of the journal tamper audit since start (edited, deleted, reordered rows)")
                .register(meters);
        tls.ifPresent(t -> Gauge.builder("cairn.certificate.expiry.timestamp.seconds", t,
                        s -> s.certificate().getNotAfter().toInstant().getEpochSecond())
                .description("When the certificate expires, seconds since the Unix epoch")
                .tag("certificate", "tls-server").register(meters));
    }

    private static FailureTranslator lostDatabase() {
        return e -> StoreFailures.isUnavailable(e) ? Optional.of(StoreFailures.unavailable(e)) : Optional.empty();
    }

    private static List<HealthCheck> readiness(Platform platform, Journal journal) {
        List<HealthCheck> checks = new ArrayList<>(List.of(databaseCheck(platform.database()),
                journalCheck(journal.audit())));
        checks.addAll(platform.custodies().healthChecks());
        checks.forEach(check -> Gauge.builder("cairn.readiness", check, c -> c.check().up() ? 1 : 0)
                .description("1 while the readiness check passes, 0 while it fails").tag("check", check.name())
                .register(platform.telemetry().meters()));
        return checks;
    }

    private static CheckpointSigner checkpointSigner(CairnConfig config, Database database, KeyCustodies custodies,
                                                     Clock clock) {
        KeyCustody custody = custodies.backend(config.string(SystemKeys.BACKEND));
        return new CustodyCheckpointSigner(custody,
                () -> new SystemKeys(database.jdbi(), clock).ensure("journal-checkpoint", custody, Curve.P256));
    }

    private static HealthCheck journalCheck(JournalAudit audit) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "journal";
            }

            @Override
            public HealthStatus check() {
                return audit.latest().map(r -> new HealthStatus(r.intact(), r.intact()
                        ? "last tamper check found the journal intact" : "last tamper check found the journal altered"))
                        .orElse(HealthStatus.up("no tamper check has run yet"));
            }
        };
    }

    private static HealthCheck databaseCheck(Database database) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public HealthStatus check() {
                return new HealthStatus(database.health().isUp(), database.health().detail());
            }
        };
    }

    /** Base URI of the listener, e.g. {@code https://127.0.0.1:8443}. */
    public String baseUri() {
        return server.baseUri();
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** The administrator created at this start, when this start created one. */
    public Optional<Bootstrap.Administrator> bootstrapAdministrator() {
        return administrator;
    }

    /** Every API endpoint served. */
    public ApiRouter router() {
        return router;
    }

    /** Where the database is. */
    public String databaseDescription() {
        return database.description();
    }

    @Override
    public void close() {
        LOG.info("stopping");
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warning("while stopping: " + e.getMessage());
            }
        }
        resources.clear();
    }
}
