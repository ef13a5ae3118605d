package io.cairn.ca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.http.ApiRouter;
import io.cairn.http.ApplianceServer;
import io.cairn.http.Authenticator;
import io.cairn.http.HttpSettings;
import io.cairn.http.Json;
import io.cairn.http.Observability;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.membership.Member;
import io.cairn.storage.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA resources over HTTP: a real Helidon listener on 127.0.0.1 over a real PostgreSQL, with a fixed table
 * of bearer tokens (the token is the username).
 */
@Tag("integration")
class CaApiTest {
    @TempDir
    static Path dir;
    static Database db;
    static ApplianceServer server;
    static ConsortiumCa ca;
    static IssuedCertificate issued;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        db = TestDatabase.open(dir);
        ca = new ConsortiumCa(db.jdbi(), TestKeys.caKey(TestKeys.ec("secp256r1")), CaSettings.defaults(),
                new MutableClock(Instant.parse("2026-03-02T09:00:00Z")));
        Member member = TestCsrs.member();
        issued = ca.issue(member, TestCsrs.request(TestKeys.ed25519(), "CN=node1"));
        ca.revokeAll(member.id(), RevocationReason.CERTIFICATE_HOLD, Instant.parse("2026-03-02T10:00:00Z"));
        Authenticator auth = c -> {
            String user = c.bearerToken().orElse("");
            Set<Role> roles = switch (user) {
                case "auditor" -> Set.of(Role.AUDITOR);
                case "rep-a" -> Set.of(Role.MEMBER);
                default -> throw new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "unknown token");
            };
            return new Principal(user, user, roles, roles, Optional.empty(), Principal.AuthenticationMethod.TOKEN);
        };
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, true, Optional.empty(), Optional.empty(), "none",
                Optional.empty(), Optional.empty(), 1 << 20, Duration.ofSeconds(5));
        ApiRouter router = new ApiRouter(ca.apiServices(), auth, settings,
                new Observability(new SimpleMeterRegistry(), OpenTelemetry.noop()), List.of());
        server = ApplianceServer.start(settings, Optional.empty(), router::register);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        db.close();
    }

    @Test
    void theCaCertificateIsServedAsPem() throws Exception {
        HttpResponse<byte[]> res = get("/api/v1/ca/certificate", "rep-a");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.startsWith(CaApi.PEM_MEDIA_TYPE));
        assertThat(new String(res.body(), StandardCharsets.US_ASCII)).isEqualTo(ca.certificatePem());
    }

    @Test
    void theCrlIsServedAsDer() throws Exception {
        HttpResponse<byte[]> res = get("/api/v1/ca/crl", "auditor");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.startsWith(CaApi.CRL_MEDIA_TYPE));
        X509CRLHolder crl = new X509CRLHolder(res.body());
        assertThat(crl.getRevokedCertificate(issued.serialNumber())).isNotNull();
        assertThat(crl.getIssuer()).isEqualTo(ca.certificate().getSubject());
    }

    @Test
    void aMembersCertificatesAreListedWithTheirRevocationState() throws Exception {
        HttpResponse<byte[]> res = get("/api/v1/members/" + TestCsrs.LEI + "/certificates", "auditor");
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(res.body());
        assertThat(body.get("lei").asText()).isEqualTo(TestCsrs.LEI);
        JsonNode first = body.get("certificates").get(0);
        assertThat(first.get("serial").asText()).isEqualTo(issued.serial());
        assertThat(first.get("sha256").asText()).isEqualTo(issued.sha256());
        assertThat(first.get("status").asText()).isEqualTo("on-hold");
        assertThat(first.get("reason").asText()).isEqualTo("certificateHold");
        assertThat(first.get("revokedAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(first.get("pem").asText()).isEqualTo(issued.pem());
    }

    @Test
    void anInvalidLeiOrNoTokenIsAProblem() throws Exception {
        HttpResponse<byte[]> invalid = get("/api/v1/members/NOT-A-LEI/certificates", "auditor");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(new String(invalid.body(), StandardCharsets.UTF_8)).contains("CAIRN-MEMBER-0001");
        assertThat(get("/api/v1/ca/crl", "nobody").statusCode()).isEqualTo(401);
    }

    private static HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
