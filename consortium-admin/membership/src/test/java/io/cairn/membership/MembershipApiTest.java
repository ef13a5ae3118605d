package io.cairn.membership;

import static io.cairn.membership.ConsortiumFixture.LEI_A;
import static io.cairn.membership.ConsortiumFixture.LEI_B;
import static io.cairn.membership.ConsortiumFixture.LEI_C;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The membership API over HTTP: a real Helidon listener on 127.0.0.1 serving {@link Consortium#apiServices()}
 * over a real PostgreSQL. The {@link Authenticator} here is a fixed table of principals keyed by bearer
 * token (the token is the username; roles as in {@link ConsortiumFixture#USERS}); the identity module's
 * database-backed authenticator is exercised by the appliance scenario tests. Founding members are created
 * over HTTP before any test.
 */
@Tag("integration")
class MembershipApiTest {
    @TempDir
    static Path dir;
    static ConsortiumFixture f;
    static ApplianceServer server;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        f = new ConsortiumFixture(dir);
        Authenticator auth = c -> {
            String user = c.bearerToken().orElse("");
            Set<Role> roles = ConsortiumFixture.USERS.get(user);
            if (roles == null) {
                throw new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "unknown token");
            }
            return new Principal(user, user, roles, roles, Optional.empty(), Principal.AuthenticationMethod.TOKEN);
        };
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, true, Optional.empty(), Optional.empty(), "none",
                Optional.empty(), Optional.empty(), 1 << 20, Duration.ofSeconds(5));
        ApiRouter router = new ApiRouter(f.consortium.apiServices(), auth, settings,
                new Observability(new SimpleMeterRegistry(), OpenTelemetry.noop()), List.of());
        server = ApplianceServer.start(settings, Optional.empty(), router::register);
        found(LEI_A, "Bank A AG", "DE", "rep-a");
        found(LEI_B, "Bank B S.A.", "LU", "rep-b");
        found(LEI_C, "Bank C N.A.", "US", "rep-c");
        designate(LEI_C, "rep-c2");
        designate(LEI_C, "admin-rep");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        f.close();
    }

    @Test
    void admissionScenarioOverHttp() throws Exception {
        String lei = "784F5XWPLTWKTBV3E584";
        HttpResponse<String> submitted = send("POST", "/api/v1/onboarding/applications", "rep-d", application(lei, "FR",
                TestPki.csr("CN=Bank D, O=Bank D SA, C=FR")).toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        JsonNode app = json(submitted);
        String id = app.get("id").asText();
        assertThat(submitted.headers().firstValue("Location")).contains("/api/v1/onboarding/applications/" + id);
        assertThat(app.get("state").asText()).isEqualTo("due-diligence");
        assertThat(app.get("applicant").get("status").asText()).isEqualTo("applicant");
        assertThat(app.get("csrKeyAlgorithm").asText()).isEqualTo("EC");

        for (String item : List.of("kyc", "sanctions-screening", "legal-agreement-signed")) {
            HttpResponse<String> ticked = send("POST", "/api/v1/onboarding/applications/" + id + "/checklist/" + item,
                    "admin-2", "{\"evidence\":\"checked " + item + "\",\"reference\":\"CASE-17\"}");
            assertThat(ticked.statusCode()).as(ticked.body()).isEqualTo(200);
        }
        JsonNode voting = json(send("POST", "/api/v1/onboarding/applications/" + id + "/vote", "admin-1", null));
        assertThat(voting.get("state").asText()).isEqualTo("voting");
        String proposal = voting.get("proposalId").asText();
        assertThat(json(send("GET", "/api/v1/votes?state=open", "rep-a", null)).get("items").findValuesAsText("id"))
                .contains(proposal);

        HttpResponse<String> first = vote(proposal, "rep-a", "no", null);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).get("changed").asBoolean()).isFalse();
        HttpResponse<String> change = vote(proposal, "rep-a", "yes", null);
        assertThat(change.statusCode()).isEqualTo(200);
        assertThat(json(change).get("changed").asBoolean()).isTrue();
        assertThat(json(change).get("previousChoice").asText()).isEqualTo("no");
        assertThat(json(change).get("revision").asInt()).isEqualTo(2);
        HttpResponse<String> decisive = vote(proposal, "rep-b", "yes", 0);
        assertThat(json(decisive).get("proposalState").asText()).isEqualTo("approved");

        JsonNode tally = json(send("GET", "/api/v1/votes/" + proposal, "auditor", null));
        assertThat(tally.get("yes").asInt()).isEqualTo(2);
        assertThat(tally.get("electorate").asInt()).isEqualTo(3);
        assertThat(tally.get("proposal").get("subjectLei").asText()).isEqualTo(lei);
        assertThat(tally.get("ballots").findValuesAsText("lei")).containsExactlyInAnyOrder(LEI_A, LEI_B);

        JsonNode approved = json(send("GET", "/api/v1/onboarding/applications/" + id, "admin-1", null));
        assertThat(approved.get("state").asText()).isEqualTo("approved-pending-provisioning");
        assertThat(approved.get("provisioningPlan").get("steps").size()).isZero();
        assertProblem(vote(proposal, "rep-c", "no", null), 409, "CAIRN-MEMBER-0008", null);

        JsonNode history = json(send("GET", "/api/v1/members/" + lei + "/history", "auditor", null));
        assertThat(history.get("changes").get(0).get("to").asText()).isEqualTo("applicant");
        assertThat(history.get("changes").get(0).get("changedBy").asText()).isEqualTo("rep-d");
        assertThat(json(send("GET", "/api/v1/members?status=active", "rep-a", null)).get("items").findValuesAsText("lei"))
                .containsExactly(LEI_A, LEI_C, LEI_B);
    }

    @Test
    void invalidApplicationsAreProblemsNamingTheField() throws Exception {
        String csr = TestPki.csr("CN=x");
        String path = "/api/v1/onboarding/applications";
        assertProblem(send("POST", path, "rep-d", application("506700GE1G29325QX364", "FR", csr).toString()), 422,
                "CAIRN-MEMBER-0001", "lei");
        assertProblem(send("POST", path, "rep-d", application(ConsortiumFixture.lei("969500HTTPJURIS001"), "XK", csr)
                .toString()), 422, "CAIRN-MEMBER-0002", "jurisdiction");
        assertProblem(send("POST", path, "rep-d", application(ConsortiumFixture.lei("969500HTTPCSR00001"), "FR",
                TestPki.certificate("CN=not a csr", true)).toString()), 422, "CAIRN-MEMBER-0003", "csr");
        ObjectNode badAccount = application(ConsortiumFixture.lei("969500HTTPACCOUNT1"), "FR", csr);
        badAccount.putObject("ledgerIdentities").putArray("ethereumAccounts")
                .add("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD");
        assertProblem(send("POST", path, "rep-d", badAccount.toString()), 422, "CAIRN-MEMBER-0004",
                "ledgerIdentities.ethereumAccounts[0]");
        ObjectNode extra = application(ConsortiumFixture.lei("969500HTTPEXTRA001"), "FR", csr);
        extra.put("colour", "red");
        assertProblem(send("POST", path, "rep-d", extra.toString()), 400, "CAIRN-API-0002", "colour");
        assertProblem(send("POST", path, "auditor", application(ConsortiumFixture.lei("969500HTTPROLE0001"), "FR", csr)
                .toString()), 403, "CAIRN-AUTH-0003", null);
        assertProblem(send("POST", path, "rep-d", application(LEI_A, "DE", csr).toString()), 409, "CAIRN-MEMBER-0006", null);
        assertThat(json(send("GET", "/api/v1/members/" + ConsortiumFixture.lei("969500HTTPJURIS001"), "admin-1", null))
                .get("code").asText()).isEqualTo("CAIRN-API-0009");
    }

    @Test
    void votingErrorsAreProblemsWithMemberCodes() throws Exception {
        String lei = ConsortiumFixture.lei("969500HTTPVOTES001");
        JsonNode app = json(send("POST", "/api/v1/onboarding/applications", "admin-rep",
                application(lei, "ES", TestPki.csr("CN=v")).toString()));
        String id = app.get("id").asText();
        assertProblem(send("POST", "/api/v1/onboarding/applications/" + id + "/vote", "admin-1", null), 409,
                "CAIRN-MEMBER-0012", null);
        for (String item : List.of("kyc", "sanctions-screening", "legal-agreement-signed")) {
            send("POST", "/api/v1/onboarding/applications/" + id + "/checklist/" + item, "admin-1", "{\"evidence\":\"ok\"}");
        }
        String proposal = json(send("POST", "/api/v1/onboarding/applications/" + id + "/vote", "admin-1", null))
                .get("proposalId").asText();

        assertProblem(vote(proposal, "admin-rep", "yes", null), 403, "CAIRN-MEMBER-0009", null);
        assertProblem(vote(proposal, "rep-e", "yes", null), 403, "CAIRN-MEMBER-0007", null);
        assertProblem(vote(proposal, "auditor", "yes", null), 403, "CAIRN-AUTH-0003", null);
        assertProblem(vote(proposal, "rep-a", "maybe", null), 422, "CAIRN-API-0004", "choice");
        assertThat(vote(proposal, "rep-c", "abstain", 0).statusCode()).isEqualTo(201);
        assertProblem(vote(proposal, "rep-c2", "no", 0), 409, "CAIRN-MEMBER-0011", null);
        assertProblem(send("POST", "/api/v1/votes/" + proposal + "/decision", "admin-2",
                "{\"outcome\":\"approve\",\"reason\":\"x\"}"), 409, "CAIRN-MEMBER-0017", null);

        Instant closesAt = Instant.parse(json(send("GET", "/api/v1/votes/" + proposal, "admin-1", null))
                .get("proposal").get("closesAt").asText());
        f.clock.advance(Duration.between(f.clock.instant(), closesAt));
        assertProblem(vote(proposal, "rep-a", "yes", null), 409, "CAIRN-MEMBER-0008", null);
        JsonNode decided = json(send("GET", "/api/v1/onboarding/applications/" + id, "admin-1", null));
        assertThat(decided.get("state").asText()).isEqualTo("rejected");
        assertThat(decided.get("rejectionReasons").get(0).asText()).contains("quorum");
        assertProblem(send("POST", "/api/v1/members", "admin-1", member(ConsortiumFixture.lei("969500HTTPLATE0001"))
                .toString()), 409, "CAIRN-MEMBER-0015", null);
        assertProblem(send("GET", "/api/v1/votes/not-an-id", "admin-1", null), 404, "CAIRN-API-0009", null);
    }

    @Test
    void thePolicyIsChangedByVote() throws Exception {
        JsonNode before = json(send("GET", "/api/v1/governance-policy", "rep-a", null));
        int version = before.get("version").asInt();
        assertProblem(send("POST", "/api/v1/governance-policy/proposals", "admin-1",
                "{\"rule\":\"two-thirds\",\"quorumPercent\":60,\"votingWindow\":\"three days\",\"motivation\":\"x\"}"),
                422, "CAIRN-MEMBER-0014", "votingWindow");
        assertProblem(send("POST", "/api/v1/governance-policy/proposals", "admin-1",
                "{\"rule\":\"plurality\",\"quorumPercent\":60,\"votingWindow\":\"P3D\",\"motivation\":\"x\"}"),
                422, "CAIRN-MEMBER-0014", "rule");
        HttpResponse<String> proposed = send("POST", "/api/v1/governance-policy/proposals", "admin-1",
                "{\"rule\":\"two-thirds\",\"quorumPercent\":60,\"votingWindow\":\"P3D\",\"motivation\":\"faster\"}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String proposal = json(proposed).get("id").asText();
        assertThat(json(proposed).get("policyVersion").asInt()).isEqualTo(version);
        assertThat(vote(proposal, "rep-a", "yes", null).statusCode()).isEqualTo(201);
        assertThat(vote(proposal, "rep-b", "yes", null).statusCode()).isEqualTo(201);

        JsonNode after = json(send("GET", "/api/v1/governance-policy", "auditor", null));
        assertThat(after.get("version").asInt()).isEqualTo(version + 1);
        assertThat(after.get("terms").get("rule").asText()).isEqualTo("two-thirds");
        assertThat(after.get("terms").get("votingWindow").asText()).isEqualTo("PT72H");
        assertThat(after.get("proposalId").asText()).isEqualTo(proposal);
        assertThat(json(send("GET", "/api/v1/governance-policy/history", "auditor", null)).get("versions").size())
                .isEqualTo(version + 1);
    }

    @Test
    void representativesAreDesignatedAndRevoked() throws Exception {
        designate(LEI_B, "rep-g");
        assertProblem(send("POST", "/api/v1/members/" + LEI_A + "/representatives", "admin-1",
                "{\"username\":\"rep-g\"}"), 422, "CAIRN-MEMBER-0016", "username");
        assertProblem(send("POST", "/api/v1/members/" + LEI_A + "/representatives", "admin-1",
                "{\"username\":\"auditor\"}"), 422, "CAIRN-MEMBER-0016", "username");
        assertThat(json(send("GET", "/api/v1/members/" + LEI_B + "/representatives", "auditor", null)).get("items")
                .findValuesAsText("username")).containsExactly("rep-b", "rep-g");
        assertThat(send("DELETE", "/api/v1/members/" + LEI_B + "/representatives/rep-g", "admin-1", null).statusCode())
                .isEqualTo(204);
        assertProblem(send("DELETE", "/api/v1/members/" + LEI_B + "/representatives/rep-g", "admin-1", null), 404,
                "CAIRN-API-0009", null);
        assertThat(json(send("GET", "/api/v1/members/" + LEI_B + "/representatives", "auditor", null)).get("items")
                .findValuesAsText("username")).containsExactly("rep-b");
    }

    @Test
    void certificatesNeedAConsortiumCaAndAValidCsr() throws Exception {
        ObjectNode body = Json.mapper().createObjectNode().put("csr", TestPki.csr("CN=node1.bank-a.example"));
        assertProblem(send("POST", "/api/v1/members/" + LEI_A + "/certificates", "admin-1", body.toString()), 503,
                "CAIRN-MEMBER-0021", null);
        assertProblem(send("POST", "/api/v1/members/" + LEI_A + "/certificates", "admin-1", "{\"csr\":\"nope\"}"), 422,
                "CAIRN-MEMBER-0003", "csr");
        assertThat(send("POST", "/api/v1/members/" + LEI_A + "/certificates", "rep-a", body.toString()).statusCode())
                .isEqualTo(403);
    }

    private static void found(String lei, String name, String jurisdiction, String rep) throws Exception {
        ObjectNode body = member(lei);
        body.put("legalName", name).put("jurisdiction", jurisdiction);
        HttpResponse<String> res = send("POST", "/api/v1/members", "admin-1", body.toString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        assertThat(json(res).get("status").asText()).isEqualTo("active");
        designate(lei, rep);
    }

    private static void designate(String lei, String user) throws Exception {
        HttpResponse<String> res = send("POST", "/api/v1/members/" + lei + "/representatives", "admin-1",
                "{\"username\":\"" + user + "\"}");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    }

    private static ObjectNode member(String lei) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("lei", lei).put("legalName", "Bank").put("jurisdiction", "DE");
        body.putArray("contacts").addObject().put("name", "Ops").put("email", "ops@bank.example")
                .put("phone", "+49 69 1234 5678");
        body.putArray("roles").add("founder").add("validator");
        return body;
    }

    private static ObjectNode application(String lei, String jurisdiction, String csr) {
        ObjectNode body = member(lei);
        body.put("legalName", "Bank D SA").put("jurisdiction", jurisdiction).put("csr", csr);
        body.putArray("roles").add("participant");
        return body;
    }

    private static HttpResponse<String> vote(String proposal, String user, String choice, Integer expected)
            throws Exception {
        String body = "{\"choice\":\"" + choice + "\"" + (expected == null ? "" : ",\"expectedRevision\":" + expected) + "}";
        return send("PUT", "/api/v1/votes/" + proposal + "/ballot", user, body);
    }

    @Test
    void provisioningPlansAreReadAndGuardedOverHttp() throws Exception {
        String lei = ConsortiumFixture.lei("969500PROVISIONAPI");
        Application app = f.applicationInVote(lei, "Bank H", "rep-d");
        String base = "/api/v1/onboarding/applications/" + app.id() + "/provisioning";
        assertProblem(send("GET", base, "auditor", null), 409, "CAIRN-MEMBER-0013", null);
        f.consortium.governance().cast(app.proposalId().orElseThrow(), "rep-a", VoteChoice.YES, Optional.empty());
        f.consortium.governance().cast(app.proposalId().orElseThrow(), "rep-b", VoteChoice.YES, Optional.empty());

        JsonNode plan = json(send("GET", base, "auditor", null));
        assertThat(plan.get("planId").asText()).isEqualTo(app.id().toString());
        assertThat(plan.get("purpose").asText()).isEqualTo("admit");
        assertThat(plan.get("steps").size()).isZero();
        JsonNode plans = json(send("GET", "/api/v1/members/" + lei + "/provisioning", "rep-a", null));
        assertThat(plans.get("items").findValuesAsText("planId")).containsExactly(app.id().toString());

        String step = base + "/" + java.util.UUID.randomUUID();
        assertProblem(send("POST", step + "/override", "admin-2", "{\"reason\":\"signed\"}"), 404,
                "CAIRN-API-0009", null);
        assertProblem(send("POST", step + "/override", "admin-2", "{\"reason\":\"\"}"), 422, "CAIRN-API-0004",
                "reason");
        assertThat(send("POST", step + "/override", "auditor", "{\"reason\":\"signed\"}").statusCode()).isEqualTo(403);
        assertProblem(send("POST", "/api/v1/members/" + lei + "/provisioning/" + java.util.UUID.randomUUID() + "/retry",
                "admin-2", null), 404, "CAIRN-API-0009", null);
    }

    private static void assertProblem(HttpResponse<String> res, int status, String code, String field) throws IOException {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode body = json(res);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(body.get("field").asText()).isEqualTo(field);
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> res) throws IOException {
        return Json.mapper().readTree(res.body());
    }
}
