package io.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.custody.software.JdbcSealedKeyRepository;
import io.cairn.custody.software.MasterKey;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.storage.Database;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing service on a real PostgreSQL with the software backend over its JDBC repository. */
@Tag("integration")
class SigningServiceIT {
    @TempDir
    static Path dir;
    static Database db;
    static SoftwareKeyCustody software;
    static SigningService service;
    static final RecordingJournal JOURNAL = new RecordingJournal();
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    static final Principal ADMIN = Fixtures.user("alice", Role.CONSORTIUM_ADMIN);
    static final Principal OPERATOR = Fixtures.user("olga", Role.OPERATOR);
    final Random random = new Random(20260301L);

    @BeforeAll
    static void open() {
        db = Fixtures.database(dir);
        software = new SoftwareKeyCustody(new JdbcSealedKeyRepository(db.dataSource()), MasterKey.random(), false, CLOCK);
        service = new SigningService(db.jdbi(), Map.of("software", software), JOURNAL,
                new SigningServiceSettings(Duration.ofMinutes(30), 0, 1), CLOCK);
    }

    @AfterAll
    static void close() {
        software.close();
        db.close();
    }

    @BeforeEach
    void journalWorks() {
        JOURNAL.failing(false);
    }

    private static ManagedKey create(String alias, Curve curve, KeyPurpose purpose, PolicyDocument policy) {
        return service.lifecycle().create(new NewKey(alias, "software", curve.label(), purpose.label(),
                Optional.of(policy)), ADMIN.username());
    }

    private static void fails(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.error()).isEqualTo(code));
    }

    private static PolicyDocument policy(Optional<List<String>> chains, Optional<Integer> rate) {
        return new PolicyDocument(Optional.empty(), chains, Optional.empty(), Optional.empty(), rate, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void lifecycleKeepsOldVersionsAndRecordsEveryCeremonyWithTheAttestation() {
        ManagedKey key = create("ledger-1", Curve.SECP256K1, KeyPurpose.LEDGER_TRANSACTION, PolicyDocument.defaults());
        assertThat(EthereumAddress.of(key.current().publicKey())).hasValueSatisfying(a -> assertThat(a).matches("0x[0-9a-fA-F]{40}"));
        AuditEvent created = JOURNAL.ofType("signing.key-created").getLast();
        assertThat(created.actor()).isEqualTo("alice");
        assertThat(created.attributes()).containsEntry("alias", "ledger-1").containsEntry("attestation.protection", "software")
                .containsEntry("attestation.never-leaves-custody", "false")
                .containsEntry("key.public-key", key.current().publicKey().hex());

        ManagedKey rotated = service.lifecycle().rotate("ledger-1", "alice");
        assertThat(rotated.currentVersion()).isEqualTo(2);
        assertThat(rotated.versions()).hasSize(2);
        assertThat(rotated.current().publicKey()).isNotEqualTo(key.current().publicKey());
        assertThat(software.describe(rotated.versions().getFirst().handle()).publicKey()).isEqualTo(key.current().publicKey());
        assertThat(JOURNAL.ofType("signing.key-rotated").getLast().attributes()).containsEntry("key.version", "2");

        assertThat(service.lifecycle().disable("ledger-1", "alice").state()).isEqualTo(KeyState.DISABLED);
        assertThat(JOURNAL.ofType("signing.key-disabled")).isNotEmpty();
        assertThat(service.keys().list()).extracting(ManagedKey::alias).contains("ledger-1");
        fails(() -> create("ledger-1", Curve.P256, KeyPurpose.REPORT_SEAL, PolicyDocument.defaults()), ErrorCode.API_CONFLICT);
        fails(() -> service.keys().require("nope"), ErrorCode.SIGN_KEY_NOT_FOUND);
    }

    @Test
    void unknownOrMissingBackendIs503AndNothingFallsBack() {
        int before = service.keys().list().size();
        fails(() -> service.lifecycle().create(new NewKey("hsm-1", "pkcs11", "p-256", "report-seal", Optional.empty()),
                "alice"), ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
        assertThat(service.keys().list()).hasSize(before);

        create("moved-1", Curve.P256, KeyPurpose.REPORT_SEAL, PolicyDocument.defaults());
        SigningService withoutSoftware = new SigningService(db.jdbi(), Map.<String, KeyCustody>of(), JOURNAL,
                SigningServiceSettings.defaults(), CLOCK);
        fails(() -> withoutSoftware.sign("moved-1", OPERATOR, "k-moved", new SignBody("report-seal",
                Fixtures.digest(random), Optional.empty())), ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
        assertThat(withoutSoftware.healthChecks()).isEmpty();
        assertThat(service.healthChecks()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("signing-custody-software");
            assertThat(h.check().up()).isTrue();
        });
    }

    @Test
    void digestSignaturesVerifyAndAreRecordedBeforeRelease() {
        ManagedKey key = create("seal-1", Curve.P256, KeyPurpose.REPORT_SEAL, PolicyDocument.defaults());
        for (int i = 0; i < 8; i++) {
            String digest = Fixtures.digest(random);
            SigningRequest r = service.sign("seal-1", OPERATOR, "seal-" + i, new SignBody("report-seal", digest, Optional.empty()));
            assertThat(r.state()).isEqualTo(RequestState.SIGNED);
            SignatureRecord sig = r.signature().orElseThrow();
            assertThat(Fixtures.verifies(Curve.P256, key.current().publicKey().hex(), digest, sig.signature())).isTrue();
            assertThat(Fixtures.verifies(Curve.P256, key.current().publicKey().hex(), Fixtures.digest(random),
                    sig.signature())).isFalse();
            AuditEvent recorded = JOURNAL.events().get((int) sig.journalLeafIndex());
            assertThat(recorded.type()).isEqualTo("signing.signature-released");
            assertThat(recorded.payloadSha256()).contains(digest);
            assertThat(recorded.attributes()).containsEntry("signature", sig.signature()).containsEntry("requester", "olga")
                    .containsEntry("key.version", "1");
        }
        fails(() -> service.sign("seal-1", OPERATOR, "wrong-purpose", new SignBody("journal-checkpoint",
                Fixtures.digest(random), Optional.empty())), ErrorCode.SIGN_POLICY_DENIED);
    }

    @Test
    void sameIdempotencyKeyGivesTheStoredAnswerAndADifferentRequestIs422() {
        create("ca-1", Curve.SECP256K1, KeyPurpose.CERTIFICATE_AUTHORITY, PolicyDocument.defaults());
        SignBody body = new SignBody("certificate-authority", Fixtures.digest(random), Optional.empty());
        SigningRequest first = service.sign("ca-1", OPERATOR, "cert-7", body);
        int records = JOURNAL.ofType("signing.signature-released").size();
        SigningRequest again = service.sign("ca-1", OPERATOR, "cert-7", body);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.signature()).isEqualTo(first.signature());
        assertThat(JOURNAL.ofType("signing.signature-released")).hasSize(records);
        fails(() -> service.sign("ca-1", OPERATOR, "cert-7", new SignBody("certificate-authority",
                Fixtures.digest(random), Optional.empty())), ErrorCode.API_IDEMPOTENCY_MISMATCH);
        // another user's idempotency keys are its own
        assertThat(service.sign("ca-1", ADMIN, "cert-7", body).id()).isNotEqualTo(first.id());
    }

    @Test
    void reusingANonceForADifferentPayloadOnTheSameChainIsRefused() {
        PolicyDocument doc = new PolicyDocument(Optional.of(List.of("ledger-transaction", "report-seal")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        create("eth-1", Curve.SECP256K1, KeyPurpose.LEDGER_TRANSACTION, doc);
        String payload = Fixtures.digest(random);
        LedgerTransaction tx = new LedgerTransaction("1337", Optional.of(BigInteger.valueOf(5)), Optional.empty(), BigInteger.TEN);
        assertThat(service.sign("eth-1", OPERATOR, "tx-a", new SignBody("ledger-transaction", payload, Optional.of(tx)))
                .state()).isEqualTo(RequestState.SIGNED);
        fails(() -> service.sign("eth-1", OPERATOR, "tx-b", new SignBody("ledger-transaction", Fixtures.digest(random),
                Optional.of(tx))), ErrorCode.SIGN_NONCE_REUSED);
        // the same payload again (a resubmission) is not a reuse; other chains and nonces are free
        assertThat(service.sign("eth-1", OPERATOR, "tx-c", new SignBody("ledger-transaction", payload, Optional.of(tx)))
                .state()).isEqualTo(RequestState.SIGNED);
        LedgerTransaction otherChain = new LedgerTransaction("1", tx.nonce(), Optional.empty(), BigInteger.TEN);
        assertThat(service.sign("eth-1", OPERATOR, "tx-d", new SignBody("ledger-transaction", Fixtures.digest(random),
                Optional.of(otherChain))).state()).isEqualTo(RequestState.SIGNED);
        int claims = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM signing_service.ethereum_nonces "
                + "WHERE alias = 'eth-1'").mapTo(Integer.class).one());
        assertThat(claims).isEqualTo(2);
        // the constraint itself refuses a second row, whatever the code above does
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("INSERT INTO signing_service.ethereum_nonces "
                + "SELECT alias, chain_id, nonce, 'other', request_id FROM signing_service.ethereum_nonces "
                + "WHERE alias = 'eth-1' LIMIT 1"))).hasMessageContaining("ethereum_nonces_once");
    }

    @Test
    void rateLimitIsPerKeyPerMinute() {
        create("rate-1", Curve.P256, KeyPurpose.JOURNAL_CHECKPOINT, policy(Optional.empty(), Optional.of(3)));
        create("rate-2", Curve.P256, KeyPurpose.JOURNAL_CHECKPOINT, policy(Optional.empty(), Optional.of(3)));
        for (int i = 0; i < 3; i++) {
            service.sign("rate-1", OPERATOR, "r1-" + i, new SignBody("journal-checkpoint", Fixtures.digest(random), Optional.empty()));
        }
        fails(() -> service.sign("rate-1", OPERATOR, "r1-x", new SignBody("journal-checkpoint", Fixtures.digest(random),
                Optional.empty())), ErrorCode.SIGN_RATE_LIMITED);
        assertThat(service.sign("rate-2", OPERATOR, "r2-0", new SignBody("journal-checkpoint", Fixtures.digest(random),
                Optional.empty())).state()).isEqualTo(RequestState.SIGNED);
        CLOCK.advance(Duration.ofSeconds(61));
        assertThat(service.sign("rate-1", OPERATOR, "r1-y", new SignBody("journal-checkpoint", Fixtures.digest(random),
                Optional.empty())).state()).isEqualTo(RequestState.SIGNED);
    }

    @Test
    void aSignatureTheJournalCannotRecordIsNotReleasedAndARetryReleasesIt() {
        create("seal-2", Curve.SECP256K1, KeyPurpose.REPORT_SEAL, PolicyDocument.defaults());
        SignBody body = new SignBody("report-seal", Fixtures.digest(random), Optional.empty());
        JOURNAL.failing(true);
        fails(() -> service.sign("seal-2", OPERATOR, "seal-2-a", body), ErrorCode.SIGN_AUDIT_UNAVAILABLE);
        SigningRequest stored = service.approvals().list(Optional.empty(), 1000).stream()
                .filter(r -> r.idempotencyKey().equals("seal-2-a")).findFirst().orElseThrow();
        assertThat(stored.state()).isEqualTo(RequestState.RECORDING);
        assertThat(ApiViews.SigningRequestView.of(stored).signature()).isEmpty();
        assertThat(service.request(stored.id()).state()).isEqualTo(RequestState.RECORDING);
        fails(() -> service.lifecycle().rotate("seal-2", "alice"), ErrorCode.SIGN_AUDIT_UNAVAILABLE);
        assertThat(service.keys().require("seal-2").versions()).hasSize(1);

        JOURNAL.failing(false);
        SigningRequest retried = service.sign("seal-2", OPERATOR, "seal-2-a", body);
        assertThat(retried.id()).isEqualTo(stored.id());
        assertThat(retried.state()).isEqualTo(RequestState.SIGNED);
        assertThat(retried.signature()).isPresent();
        assertThat(retried.signature().get().signature()).isEqualTo(stored.signature().orElseThrow().signature());
        assertThat(retried.signature().get().journalLeafIndex()).isNotNegative();
        assertThat(service.request(stored.id()).state()).isEqualTo(RequestState.SIGNED);
        assertThat(service.sign("seal-2", OPERATOR, "seal-2-a", body).signature().orElseThrow().journalLeafIndex())
                .isEqualTo(retried.signature().get().journalLeafIndex());
    }

    @Test
    void aKeyChangedByAnotherApplianceIsSeenAtTheNextSignatureDespiteTheCache() {
        create("shared-1", Curve.P256, KeyPurpose.REPORT_SEAL, PolicyDocument.defaults());
        SigningService other = new SigningService(db.jdbi(), Map.of("software", software), JOURNAL,
                new SigningServiceSettings(Duration.ofMinutes(30), 0, 1), CLOCK);
        SignBody first = new SignBody("report-seal", Fixtures.digest(random), Optional.empty());
        assertThat(service.sign("shared-1", OPERATOR, "shared-1-a", first).signature().orElseThrow().keyVersion())
                .isEqualTo(1);

        other.lifecycle().rotate("shared-1", "alice");
        SigningRequest afterRotation = service.sign("shared-1", OPERATOR, "shared-1-b",
                new SignBody("report-seal", Fixtures.digest(random), Optional.empty()));
        assertThat(afterRotation.signature().orElseThrow().keyVersion()).isEqualTo(2);

        other.lifecycle().disable("shared-1", "alice");
        int released = JOURNAL.ofType("signing.signature-released").size();
        fails(() -> service.sign("shared-1", OPERATOR, "shared-1-c", new SignBody("report-seal",
                Fixtures.digest(random), Optional.empty())), ErrorCode.SIGN_KEY_DISABLED);
        assertThat(JOURNAL.ofType("signing.signature-released")).hasSize(released);
        assertThat(service.approvals().list(Optional.empty(), 1000)).noneMatch(r -> r.idempotencyKey().equals("shared-1-c"));
    }

    @Test
    void disabledKeysSignNothing() {
        create("seal-3", Curve.P256, KeyPurpose.REPORT_SEAL, PolicyDocument.defaults());
        service.lifecycle().disable("seal-3", "alice");
        fails(() -> service.sign("seal-3", OPERATOR, "s3", new SignBody("report-seal", Fixtures.digest(random),
                Optional.empty())), ErrorCode.SIGN_KEY_DISABLED);
        fails(() -> service.lifecycle().rotate("seal-3", "alice"), ErrorCode.SIGN_KEY_DISABLED);
    }

    @Test
    void concurrentApprovalsSignExactlyOnceAndConcurrentRetriesShareOneAnswer() throws Exception {
        create("dual-1", Curve.P256, KeyPurpose.REPORT_SEAL, new PolicyDocument(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(2), Optional.empty(), Optional.empty()));
        List<Principal> approvers = List.of(Fixtures.user("bob", Role.CONSORTIUM_ADMIN),
                Fixtures.user("carol", Role.CONSORTIUM_ADMIN), Fixtures.user("frank", Role.CONSORTIUM_ADMIN));
        for (int round = 0; round < 5; round++) {
            SigningRequest pending = service.sign("dual-1", OPERATOR, "dual-" + round,
                    new SignBody("report-seal", Fixtures.digest(random), Optional.empty()));
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(3)) {
                List<java.util.concurrent.Future<Object>> results = approvers.stream().map(p -> pool.submit(() -> {
                    go.await();
                    try {
                        return (Object) service.approvals().approve(pending.id(), p).state();
                    } catch (CairnException e) {
                        return e.error();
                    }
                })).toList();
                go.countDown();
                for (var f : results) {
                    assertThat(f.get()).isIn(RequestState.PENDING, RequestState.SIGNED, ErrorCode.SIGN_REQUEST_NOT_PENDING);
                }
            }
            String id = pending.id().toString();
            assertThat(JOURNAL.ofType("signing.signature-released").stream()
                    .filter(e -> e.attributes().get("request.id").equals(id))).hasSize(1);
            assertThat(service.request(pending.id()).state()).isEqualTo(RequestState.SIGNED);
        }

        SignBody body = new SignBody("report-seal", Fixtures.digest(random), Optional.empty());
        create("seal-race", Curve.P256, KeyPurpose.REPORT_SEAL, PolicyDocument.defaults());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            List<java.util.concurrent.Future<SigningRequest>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> service.sign("seal-race", OPERATOR, "same-key", body)));
            }
            java.util.Set<Object> answers = new java.util.HashSet<>();
            for (var f : results) {
                SigningRequest r = f.get();
                answers.add(r.id());
                answers.add(r.signature().map(SignatureRecord::signature).orElse("none"));
            }
            assertThat(answers).hasSize(2);
        }
    }

    @Test
    void ed25519KeysSignTheDigestAsTheirMessage() throws Exception {
        ManagedKey key = create("seal-ed", Curve.ED25519, KeyPurpose.REPORT_SEAL, PolicyDocument.defaults());
        assertThat(EthereumAddress.of(key.current().publicKey())).isEmpty();
        String digest = Fixtures.digest(random);
        SignatureRecord sig = service.sign("seal-ed", OPERATOR, "ed-1", new SignBody("report-seal", digest,
                Optional.empty())).signature().orElseThrow();
        assertThat(sig.der()).isEmpty();
        java.security.PublicKey pub = java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(key.current().publicKey().subjectPublicKeyInfo()));
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(pub);
        verifier.update(java.util.HexFormat.of().parseHex(digest));
        assertThat(verifier.verify(java.util.HexFormat.of().parseHex(sig.signature()))).isTrue();
    }
}
