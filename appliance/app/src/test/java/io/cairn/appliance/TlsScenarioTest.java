package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.identity.DirectoryAuthenticator;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS by default with the generated certificate, verified by the client (no trust-all), and mutual TLS:
 * a client certificate issued by a configured CA and bound to a user authenticates without a token.
 */
@Tag("integration")
class TlsScenarioTest {
    static final String ADMIN = "cairn_tls-bootstrap-token-0123456789abcdefghijklmnopqrs";
    static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    void httpsByDefaultAndClientCertificatesAuthenticateBoundUsers() throws Exception {
        KeyPair caKey = ecKey();
        X509Certificate ca = certificate("CN=Client CA", caKey, "CN=Client CA", caKey, true);
        KeyPair aliceKey = ecKey();
        X509Certificate alice = certificate("CN=alice", aliceKey, "CN=Client CA", caKey, false);
        KeyPair malloryKey = ecKey();
        X509Certificate mallory = certificate("CN=mallory", malloryKey, "CN=Client CA", caKey, false);
        Path truststore = dir.resolve("client-cas.p12");
        store(truststore, ks -> ks.setCertificateEntry("ca", ca));

        Map<String, String> settings = Map.of("data-directory", dir.resolve("data").toString(), "server.port", "0",
                "security.bootstrap.token", ADMIN, "server.tls.truststore-path", truststore.toString(),
                "server.tls.truststore-password", new String(PASSWORD), "server.tls.client-auth", "optional");
        try (Appliance appliance = Appliance.start(ApplianceConfig.load(Optional.empty(), Map.of(), settings).configOrThrow())) {
            assertThat(appliance.baseUri()).startsWith("https://127.0.0.1:");
            X509Certificate server = serverCertificate(dir.resolve("data/tls"));

            Http plain = new Http(client(server, null, null), appliance.baseUri());
            assertThat(plain.get("/health", null).status()).isEqualTo(200);
            assertThat(plain.get("/metrics", null).raw().body()).contains(
                    "cairn_certificate_expiry_timestamp_seconds{certificate=\"tls-server\"} "
                            + (double) server.getNotAfter().toInstant().getEpochSecond());
            assertThat(plain.get("/api/v1/me", null).status()).isEqualTo(401);
            assertThat(plain.post("/api/v1/users", ADMIN, Map.of("username", "alice", "displayName", "Alice",
                    "roles", List.of("auditor"), "clientCertificateSha256", DirectoryAuthenticator.fingerprint(alice)))
                    .status()).isEqualTo(201);

            Http asAlice = new Http(client(server, aliceKey, alice), appliance.baseUri());
            Http.Answer me = asAlice.get("/api/v1/me", null);
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.body().get("username").asText()).isEqualTo("alice");
            assertThat(me.body().get("authenticatedBy").asText()).isEqualTo("client-certificate");
            assertThat(asAlice.post("/api/v1/users", null, Map.of("username", "x", "displayName", "X",
                    "roles", List.of("member"))).status()).isEqualTo(403);

            Http asMallory = new Http(client(server, malloryKey, mallory), appliance.baseUri());
            assertThat(asMallory.get("/api/v1/me", null).code()).isEqualTo("CAIRN-AUTH-0004");
        }
    }

    private static HttpClient client(X509Certificate trusted, KeyPair key, X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("appliance", trusted);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (key != null) {
            keys.setKeyEntry("client", key.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
        }
        kmf.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static X509Certificate serverCertificate(Path tlsDirectory) throws Exception {
        char[] password = Files.readString(tlsDirectory.resolve("self-signed.password")).trim().toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tlsDirectory.resolve("self-signed.p12"))) {
            ks.load(in, password);
        }
        return (X509Certificate) ks.getCertificate("cairn");
    }

    interface StoreFiller {
        void fill(KeyStore ks) throws Exception;
    }

    private static void store(Path file, StoreFiller filler) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        filler.fill(ks);
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD);
        }
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey,
                                               boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)),
                new X500Name(subject), subjectKey.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    }
}
