package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * The consortium CA through a running appliance: a founding member's certificate is issued from its CSR with the
 * CA key held by the signing service, and the CA certificate and CRL that relying parties fetch without
 * credentials let {@code openssl} verify it.
 */
@Tag("integration")
class ConsortiumCaScenarioTest {
    static final String ADMIN = "cairn_ca-bootstrap-token-0123456789abcdefghijklmnopqrstu";
    static final String LEI = "506700GE1G29325QX363";

    @TempDir
    static Path dir;
    static Appliance appliance;
    static Http http;
    static String crlUrl;

    @BeforeAll
    static void start() throws IOException {
        int port = Waiting.freePort();
        crlUrl = "http://127.0.0.1:" + port + "/pki/consortium-ca.crl";
        appliance = Appliance.start(ApplianceConfig.load(java.util.Optional.empty(), Map.of(), Map.of(
                "data-directory", dir.resolve("data").toString(), "server.port", Integer.toString(port),
                "server.plaintext-http", "true", "security.bootstrap.token", ADMIN, "ca.crl-url", crlUrl,
                "logging.format", "text")).configOrThrow());
        http = new Http(appliance.baseUri());
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    @Test
    void aMemberCertificateVerifiesWithOpensslAgainstThePublishedCaAndCrl() throws Exception {
        assumeTrue(openssl() || "true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS")), "openssl is not installed");
        assertThat(http.post("/api/v1/members", ADMIN, Map.of("lei", LEI, "legalName", "Bank A AG",
                "jurisdiction", "DE", "contacts", List.of(Map.of("name", "Ops", "email", "ops@bank-a.example",
                        "phone", "+49 69 1234 5678")), "roles", List.of("founder"))).status()).isEqualTo(201);
        Http.Answer issued = http.post("/api/v1/members/" + LEI + "/certificates", ADMIN, Map.of("csr", csr()));
        assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
        Files.writeString(dir.resolve("member.pem"), issued.body().get("pem").asText());
        Files.write(dir.resolve("ca.pem"), fetch("/pki/consortium-ca.pem"));
        Files.write(dir.resolve("ca.crl"), fetch("/pki/consortium-ca.crl"));

        assertThat(run("openssl", "verify", "-CAfile", "ca.pem", "member.pem")).contains("member.pem: OK");
        assertThat(run("openssl", "x509", "-in", "member.pem", "-noout", "-text"))
                .contains("serialNumber = " + LEI).contains(crlUrl).contains("TLS Web Client Authentication");
        assertThat(run("openssl", "crl", "-inform", "DER", "-in", "ca.crl", "-noout", "-text"))
                .contains("Certificate Revocation List").contains("No Revoked Certificates");
        assertThat(http.get("/api/v1/keys/consortium-ca", ADMIN).body().get("purpose").asText())
                .isEqualTo("certificate-authority");
    }

    private static String csr() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Bank A gateway"), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(request);
        }
        return pem.toString();
    }

    /** Fetched without credentials, as a relying party would. */
    private static byte[] fetch(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(appliance.baseUri() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static boolean openssl() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }
}
