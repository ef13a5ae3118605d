package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.http.Credentials;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.storage.Database;
import io.cairn.storage.SchemaMigration;
import io.cairn.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class IdentityTest {
    @TempDir
    static Path dir;
    static Database db;
    static UserDirectory users;
    static TokenRegistry tokens;
    static Bootstrap.Administrator admin;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeAll
    static void open() {
        StorageSettings storage = StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS),
                Map.of("data-directory", dir.toString())));
        db = Database.open(storage, List.of(SchemaMigration.of("identity")));
        users = new UserDirectory(db.jdbi());
        tokens = new TokenRegistry(db.jdbi());
        admin = new Bootstrap(db.jdbi(), users, tokens, CLOCK).ensureAdministrator(settings(Optional.empty())).orElseThrow();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static IdentitySettings settings(Optional<String> token) {
        return new IdentitySettings("admin", token, Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(365));
    }

    private static DirectoryAuthenticator authenticator() {
        return new DirectoryAuthenticator(tokens, users, CLOCK);
    }

    private static Principal login(String secret) {
        return authenticator().authenticate(new Credentials(Optional.of(secret), List.of()));
    }

    @Test
    void bootstrapHappensOnceAndItsTokenAuthenticatesThenExpires() {
        Bootstrap bootstrap = new Bootstrap(db.jdbi(), users, tokens, CLOCK);
        assertThat(admin.generated()).isTrue();
        assertThat(admin.token()).startsWith("cairn_").hasSizeGreaterThan(40);
        assertThat(admin.toString()).doesNotContain(admin.token());
        assertThat(bootstrap.ensureAdministrator(settings(Optional.empty()))).isEmpty();

        Principal p = login(admin.token());
        assertThat(p.username()).isEqualTo("admin");
        assertThat(p.effectiveRoles()).containsExactly(Role.CONSORTIUM_ADMIN);

        CLOCK.advance(Duration.ofHours(25));
        assertThatThrownBy(() -> login(admin.token())).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.getMessage()).contains("expired"));
        CLOCK.advance(Duration.ofHours(-25));
    }

    @Test
    void unknownMalformedAndRevokedTokensAreRefused() {
        User u = db.jdbi().inTransaction(h -> users.create(h, "ops-1", "Ops", Set.of(Role.OPERATOR), Optional.empty(),
                "test", CLOCK.instant()));
        String secret = TokenSecret.generate();
        ApiToken token = tokens.issue(u, "t", Set.of(Role.OPERATOR), secret, CLOCK.instant(),
                CLOCK.instant().plus(Duration.ofDays(1)), "test");
        assertThat(login(secret).username()).isEqualTo("ops-1");
        assertThatThrownBy(() -> login("cairn_" + "A".repeat(43))).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.AUTH_INVALID_TOKEN));
        assertThatThrownBy(() -> login("not-a-token")).isInstanceOf(CairnException.class);
        tokens.revoke(token.id(), CLOCK.instant());
        assertThatThrownBy(() -> login(secret)).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.getMessage()).contains("revoked"));
    }

    @Test
    void disabledUsersCannotAuthenticateAndTheLastAdministratorStays() {
        User u = db.jdbi().inTransaction(h -> users.create(h, "auditor-1", "Aud", Set.of(Role.AUDITOR), Optional.empty(),
                "test", CLOCK.instant()));
        String secret = TokenSecret.generate();
        tokens.issue(u, "t", Set.of(Role.AUDITOR), secret, CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(1)), "test");
        users.setEnabled("auditor-1", false);
        assertThatThrownBy(() -> login(secret)).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.AUTH_USER_DISABLED));

        long enabledAdmins = users.list(0, 1000).stream()
                .filter(x -> x.enabled() && x.roles().contains(Role.CONSORTIUM_ADMIN)).count();
        assertThat(enabledAdmins).isEqualTo(1);
        String onlyAdmin = users.list(0, 1000).stream()
                .filter(x -> x.enabled() && x.roles().contains(Role.CONSORTIUM_ADMIN)).findFirst().orElseThrow().username();
        assertThatThrownBy(() -> users.setEnabled(onlyAdmin, false)).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.AUTH_LAST_ADMINISTRATOR));
    }

    @Test
    void duplicateUsernamesConflict() {
        db.jdbi().useTransaction(h -> users.create(h, "dup", "A", Set.of(Role.MEMBER), Optional.empty(), "t", CLOCK.instant()));
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> users.create(h, "dup", "B", Set.of(Role.MEMBER),
                Optional.empty(), "t", CLOCK.instant()))).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.API_CONFLICT));
    }

    @Test
    void configuredBootstrapTokenMustBeStrong() {
        assertThatThrownBy(() -> new Bootstrap(db.jdbi(), users, tokens, CLOCK).ensureAdministrator(settings(Optional.of("short"))))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.CONF_INVALID_VALUE));
    }
}
