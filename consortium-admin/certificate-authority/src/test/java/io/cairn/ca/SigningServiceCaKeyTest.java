package io.cairn.ca;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.audit.spi.JournalReceipt;
import io.cairn.custody.software.JdbcSealedKeyRepository;
import io.cairn.custody.software.MasterKey;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.membership.Member;
import io.cairn.signing.KeyPurpose;
import io.cairn.signing.NewKey;
import io.cairn.signing.SigningService;
import io.cairn.signing.SigningServiceSettings;
import io.cairn.storage.Database;
import io.cairn.storage.SchemaMigration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA over the real signing service with a software P-256 key of purpose {@code certificate-authority}: the
 * CA certificate, a member certificate and the CRL verify with the key's public key and with openssl, and every
 * signature went through the signing service's journal.
 */
@Tag("integration")
class SigningServiceCaKeyTest {
    @TempDir
    Path dir;
    @TempDir
    Path files;

    @Test
    void theCaSignsThroughTheSigningService() throws Exception {
        Openssl openssl = Openssl.in(files);
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<AuditEvent> journaled = Collections.synchronizedList(new ArrayList<>());
        AuditJournal journal = event -> {
            journaled.add(event);
            return CompletableFuture.completedFuture(new JournalReceipt(journaled.size() - 1, "leaf", Instant.now()));
        };
        try (Database db = TestDatabase.open(dir, SchemaMigration.of("signing"), SchemaMigration.of("signing_service"));
             SoftwareKeyCustody software = new SoftwareKeyCustody(new JdbcSealedKeyRepository(db.dataSource()),
                     MasterKey.random(), false, clock)) {
            SigningService service = new SigningService(db.jdbi(), Map.of("software", software), journal,
                    new SigningServiceSettings(Duration.ofMinutes(30), 0, 1), clock);
            service.lifecycle().create(new NewKey("consortium-ca", "software", "p-256",
                    KeyPurpose.CERTIFICATE_AUTHORITY.label(), Optional.empty()), "alice");
            Principal ca = new Principal("system-ca", "system:consortium-ca", Set.of(Role.CONSORTIUM_ADMIN),
                    Set.of(Role.CONSORTIUM_ADMIN), Optional.empty(), Principal.AuthenticationMethod.TOKEN);
            SigningServiceCaKey key = new SigningServiceCaKey(service, "consortium-ca", ca);
            ConsortiumCa authority = new ConsortiumCa(db.jdbi(), key, CaSettings.defaults(), clock);
            Member member = TestCsrs.member();
            IssuedCertificate issued = authority.issue(member, TestCsrs.request(TestKeys.ec("secp256r1"), "CN=node1"));
            authority.revokeAll(member.id(), RevocationReason.CESSATION_OF_OPERATION, clock.instant());

            var verifier = new JcaContentVerifierProviderBuilder().build(key.publicKey());
            assertThat(authority.certificate().isSignatureValid(verifier)).isTrue();
            assertThat(Pem.certificate(issued.pem()).isSignatureValid(verifier)).isTrue();
            assertThat(new X509CRLHolder(authority.crl()).isSignatureValid(verifier)).isTrue();
            assertThat(journaled).extracting(e -> e.attributes().get("purpose")).contains("certificate-authority");
            assertThat(journaled.stream().filter(e -> "consortium-ca".equals(e.attributes().get("alias"))
                    && e.attributes().containsKey("signature")).count())
                    .as("CA certificate, first CRL, member certificate, CRL after revocation").isEqualTo(4);

            Files.writeString(files.resolve("ca.pem"), authority.certificatePem());
            Files.writeString(files.resolve("cert.pem"), issued.pem());
            assertThat(openssl.run("verify", "-CAfile", "ca.pem", "cert.pem").output()).contains("cert.pem: OK");
        }
    }
}
