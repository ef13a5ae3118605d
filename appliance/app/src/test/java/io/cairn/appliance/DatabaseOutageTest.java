package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An external PostgreSQL that goes away and comes back: readiness follows it, API calls are answered 503
 * with Retry-After while it is gone, and the appliance recovers without a restart.
 */
@Tag("integration")
class DatabaseOutageTest {
    static final String ADMIN = "cairn_outage-bootstrap-token-0123456789abcdefghijklmno";

    @TempDir
    Path dir;

    @Test
    void readinessAndApiFollowTheDatabaseAndRecoverWithoutRestart() throws IOException {
        int port = Waiting.freePort();
        Path cluster = dir.resolve("external-postgres");
        EmbeddedPostgres postgres = start(cluster, port);
        Map<String, String> settings = Map.of("data-directory", dir.resolve("appliance").toString(),
                "storage.mode", "external", "storage.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "storage.username", "postgres", "storage.tls.mode", "disable", "storage.pool.connection-timeout", "1s",
                "server.port", "0", "server.plaintext-http", "true", "server.retry-after", "3s",
                "security.bootstrap.token", ADMIN);
        try (Appliance appliance = Appliance.start(ApplianceConfig.load(Optional.empty(), Map.of(), settings).configOrThrow())) {
            Http http = new Http(appliance.baseUri());
            assertThat(http.get("/api/v1/me", ADMIN).status()).isEqualTo(200);

            postgres.close();
            assertThat(Waiting.until(Duration.ofSeconds(30), () -> http.get("/health/ready", null).status() == 503)).isTrue();
            Http.Answer health = http.get("/health", null);
            assertThat(health.body().get("status").asText()).isEqualTo("DOWN");
            assertThat(health.body().get("checks").get(0).get("status").asText()).isEqualTo("DOWN");
            assertThat(http.get("/health/live", null).status()).isEqualTo(200);
            for (Http.Answer answer : List.of(http.get("/api/v1/me", ADMIN),
                    http.post("/api/v1/users", ADMIN, Map.of("username", "late", "displayName", "L", "roles", List.of("member"))))) {
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.code()).isEqualTo("CAIRN-STORE-0001");
                assertThat(answer.raw().headers().firstValue("Retry-After")).contains("3");
                assertThat(answer.raw().body()).doesNotContain("Exception").doesNotContain("jdbc:");
            }

            postgres = start(cluster, port);
            assertThat(Waiting.until(Duration.ofSeconds(30), () -> http.get("/health/ready", null).status() == 200)).isTrue();
            assertThat(Waiting.until(Duration.ofSeconds(30), () -> http.get("/api/v1/me", ADMIN).status() == 200)).isTrue();
            assertThat(http.post("/api/v1/users", ADMIN, Map.of("username", "late", "displayName", "L",
                    "roles", List.of("member"))).status()).isEqualTo(201);
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path cluster, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false).setPort(port).start();
    }
}
