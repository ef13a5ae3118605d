package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.http.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's whole life through the HTTP API of a running appliance: three founding members, an application with
 * its CSR, the due-diligence checklist, an admission vote in which one organisation changes its vote, the decision
 * under the governance policy, the certificate issued by the consortium CA and verified with openssl, the member
 * active (no ledger is configured for provisioning, so its plan is empty), then suspended (certificate on hold in
 * the CRL) and removed (certificate revoked), each by vote of the other organisations' representatives.
 */
@Tag("integration")
class ConsortiumLifecycleScenarioTest {
    static final String ADMIN = "cairn_life-bootstrap-token-0123456789abcdefghijklmnopqrst";
    static final Map<String, String> FOUNDERS = Map.of("rep-a", "506700GE1G29325QX363",
            "rep-b", "7LTWFZYICNSX8D621K86", "rep-c", "7H6GLXDRUGQFU57RNE97");
    static final String APPLICANT = "784F5XWPLTWKTBV3E584";

    @TempDir
    static Path dir;
    static Appliance appliance;
    static Http http;

    @BeforeAll
    static void start() {
        appliance = Appliance.start(ApplianceConfig.load(java.util.Optional.empty(), Map.of(), Map.of(
                "data-directory", dir.resolve("data").toString(), "server.port", "0", "server.plaintext-http", "true",
                "security.bootstrap.token", ADMIN, "logging.format", "text")).configOrThrow());
        http = new Http(appliance.baseUri());
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    @Test
    void applicantIsAdmittedCertifiedSuspendedAndRemoved() throws Exception {
        assumeTrue(run("openssl", "version").contains("OpenSSL") || "true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS")),
                "openssl is not installed");
        Map<String, String> reps = foundConsortium();
        String ops = user("ops-admin", "consortium-admin");

        Http.Answer submitted = http.post("/api/v1/onboarding/applications", ops, Map.of("lei", APPLICANT,
                "legalName", "Bank D SA", "jurisdiction", "FR", "contacts", List.of(contact("d")),
                "roles", List.of("participant"), "csr", csr("CN=Bank D gateway, O=Bank D SA, C=FR")));
        assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(201);
        String application = submitted.body().get("id").asText();
        for (JsonNode item : submitted.body().get("checklist")) {
            assertThat(http.post("/api/v1/onboarding/applications/" + application + "/checklist/"
                    + item.get("item").asText(), ADMIN, Map.of("evidence", "checked " + item.get("item").asText()))
                    .status()).isEqualTo(200);
        }
        String admission = http.post("/api/v1/onboarding/applications/" + application + "/vote", ADMIN, "{}")
                .body().get("proposalId").asText();
        assertThat(vote(admission, reps.get("rep-a"), "no", null).get("revision").asInt()).isEqualTo(1);
        JsonNode changed = vote(admission, reps.get("rep-a"), "yes", 1);
        assertThat(changed.get("changed").asBoolean()).isTrue();
        assertThat(changed.get("previousChoice").asText()).isEqualTo("no");
        assertThat(vote(admission, reps.get("rep-b"), "yes", null).get("proposalState").asText()).isEqualTo("approved");

        assertThat(http.get("/api/v1/onboarding/applications/" + application, ADMIN).body().get("state").asText())
                .isEqualTo("provisioned");
        assertThat(status()).isEqualTo("active");
        JsonNode certificates = http.get("/api/v1/members/" + APPLICANT + "/certificates", ADMIN).body()
                .get("certificates");
        assertThat(certificates).hasSize(1);
        Files.writeString(dir.resolve("member.pem"), certificates.get(0).get("pem").asText());
        Files.write(dir.resolve("ca.pem"), fetch("/pki/consortium-ca.pem"));
        assertThat(run("openssl", "verify", "-CAfile", "ca.pem", "member.pem")).contains("member.pem: OK");

        decideByVote("suspend-member", reps);
        assertThat(status()).isEqualTo("suspended");
        Files.write(dir.resolve("crl.der"), fetch("/pki/consortium-ca.crl"));
        assertThat(run("openssl", "crl", "-inform", "DER", "-in", "crl.der", "-out", "crl.pem")).isEmpty();
        assertThat(run("openssl", "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "member.pem"))
                .contains("certificate revoked");
        assertThat(run("openssl", "crl", "-in", "crl.pem", "-noout", "-text")).contains("Certificate Hold");

        decideByVote("remove-member", reps);
        assertThat(status()).isEqualTo("removed");
        Files.write(dir.resolve("crl.der"), fetch("/pki/consortium-ca.crl"));
        run("openssl", "crl", "-inform", "DER", "-in", "crl.der", "-out", "crl.pem");
        assertThat(run("openssl", "crl", "-in", "crl.pem", "-noout", "-text")).contains("Cessation Of Operation");
        assertThat(http.get("/api/v1/members/" + APPLICANT + "/history", ADMIN).raw().body())
                .contains("active").contains("suspended").contains("removed");
    }

    /** Three founding members, each with a representative user who votes for it; returns tokens by user. */
    private static Map<String, String> foundConsortium() {
        Map<String, String> tokens = new java.util.HashMap<>();
        for (var founder : FOUNDERS.entrySet()) {
            String rep = founder.getKey();
            assertThat(http.post("/api/v1/members", ADMIN, Map.of("lei", founder.getValue(), "legalName",
                    "Bank " + rep, "jurisdiction", "DE", "contacts", List.of(contact(rep)), "roles", List.of("founder")))
                    .status()).isEqualTo(201);
            tokens.put(rep, user(rep, "member"));
            assertThat(http.post("/api/v1/members/" + founder.getValue() + "/representatives", ADMIN,
                    Map.of("username", rep)).status()).isEqualTo(201);
        }
        return tokens;
    }

    private static void decideByVote(String kind, Map<String, String> reps) {
        Http.Answer proposal = http.post("/api/v1/votes", ADMIN, Map.of("kind", kind, "lei", APPLICANT,
                "motivation", kind + " after the scenario's review"));
        assertThat(proposal.status()).as(proposal.raw().body()).isEqualTo(201);
        String id = proposal.body().get("id").asText();
        vote(id, reps.get("rep-a"), "yes", null);
        assertThat(vote(id, reps.get("rep-b"), "yes", null).get("proposalState").asText()).isEqualTo("approved");
    }

    private static JsonNode vote(String proposal, String token, String choice, Integer expectedRevision) {
        Map<String, Object> ballot = expectedRevision == null ? Map.of("choice", choice)
                : Map.of("choice", choice, "expectedRevision", expectedRevision);
        Http.Answer answer = http.method("PUT", "/api/v1/votes/" + proposal + "/ballot", token,
                new String(Json.write(ballot), StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.raw().body()).isIn(200, 201);
        return answer.body();
    }

    private static String status() {
        return http.get("/api/v1/members/" + APPLICANT, ADMIN).body().get("status").asText();
    }

    private static String user(String username, String role) {
        assertThat(http.post("/api/v1/users", ADMIN, Map.of("username", username, "displayName", username,
                "roles", List.of(role))).status()).isEqualTo(201);
        return http.post("/api/v1/users/" + username + "/tokens", ADMIN, Map.of("name", "scenario")).body()
                .get("token").asText();
    }

    private static Map<String, String> contact(String who) {
        return Map.of("name", "Ops " + who, "email", "ops@" + who + ".example", "phone", "+49 69 1234 5678");
    }

    private static String csr(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(request);
        }
        return pem.toString();
    }

    private static byte[] fetch(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(appliance.baseUri() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
