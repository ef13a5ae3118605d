package io.cairn.blocks;

import io.cairn.http.ApiRouter;
import io.cairn.http.ApplianceServer;
import io.cairn.http.Authenticator;
import io.cairn.http.HttpSettings;
import io.cairn.http.Observability;
import io.cairn.journal.JournalSettings;
import io.cairn.journal.PostgresJournal;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.storage.Database;
import io.cairn.storage.StorageSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The module wired as the appliance wires it, on the embedded PostgreSQL of a temporary data directory with the
 * real PostgreSQL journal; optionally behind a real HTTP listener whose bearer tokens are role names.
 */
final class TestStack implements AutoCloseable {
    final Clock clock;
    final Map<String, Sender> senders = new ConcurrentHashMap<>();
    final Database db;
    final PostgresJournal journal;
    final ApplicationRegistry registry;
    final MessageIntake intake;
    final MessageArchive archive;
    final BlockSealer sealer;
    final BlockAnchors anchors;
    final VerificationBlocks blocks;
    private Optional<ApplianceServer> server = Optional.empty();

    TestStack(Path dataDirectory, PayloadCipher cipher, Clock clock) {
        this.clock = clock;
        StorageSettings storage = StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS),
                Map.of("data-directory", dataDirectory.toString(), "storage.pool.max-size", "12")));
        db = Database.open(storage, List.of(PostgresJournal.MIGRATION, BlocksDatabase.MIGRATION));
        journal = PostgresJournal.open(db.dataSource(), JournalSettings.defaults("blocks.test/journal"));
        registry = new ApplicationRegistry(db.jdbi(), journal, clock);
        intake = new MessageIntake(db.jdbi(), registry, id -> Optional.ofNullable(senders.get(id)), cipher, journal,
                clock);
        archive = new MessageArchive(db.jdbi(), cipher, journal, clock);
        sealer = new BlockSealer(db.jdbi(), registry, intake, journal);
        anchors = new BlockAnchors(db.jdbi(), registry, journal);
        blocks = new VerificationBlocks(db.jdbi(), archive);
    }

    /** Starts the API on an ephemeral port and answers its base URI. */
    String serve() {
        Authenticator auth = c -> Role.fromLabel(c.bearerToken().orElse(""))
                .map(TestStack::principal)
                .orElseThrow(() -> new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "unknown token"));
        HttpSettings http = new HttpSettings("127.0.0.1", 0, true, Optional.empty(), Optional.empty(), "none",
                Optional.empty(), Optional.empty(), 1024 * 1024, Duration.ofSeconds(7));
        ApiRouter router = new ApiRouter(List.of(new ApplicationsApi(registry, intake, archive),
                new BlocksApi(registry, blocks)), auth, http,
                new Observability(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), OpenTelemetry.noop()), List.of());
        ApplianceServer started = ApplianceServer.start(http, Optional.empty(), router::register);
        server = Optional.of(started);
        return started.baseUri();
    }

    private static Principal principal(Role role) {
        return new Principal(role.label() + "-user", role.label(), Set.of(role), Role.ALL, Optional.empty(),
                Principal.AuthenticationMethod.TOKEN);
    }

    @Override
    public void close() {
        server.ifPresent(ApplianceServer::close);
        journal.close();
        db.close();
    }
}
