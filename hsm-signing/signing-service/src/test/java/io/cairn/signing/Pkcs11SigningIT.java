package io.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.cairn.custody.pkcs11.Pkcs11KeyCustody;
import io.cairn.custody.pkcs11.SoftHsm;
import io.cairn.custody.software.JdbcSealedKeyRepository;
import io.cairn.custody.software.MasterKey;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.custody.spi.Curve;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle and signing on a SoftHSM2 token through the {@code pkcs11} backend (a fresh token per test
 * JVM, created before the PKCS#11 library loads), and fail-closed behaviour when the token is gone.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Pkcs11SigningIT {
    @TempDir
    static Path dir;
    static Database db;
    static Pkcs11KeyCustody hsm;
    static SoftwareKeyCustody software;
    static SigningService service;
    static final RecordingJournal JOURNAL = new RecordingJournal();
    static final Principal ADMIN = Fixtures.user("alice", Role.CONSORTIUM_ADMIN);
    static final Principal SECOND_ADMIN = Fixtures.user("bob", Role.CONSORTIUM_ADMIN);
    static final Principal OPERATOR = Fixtures.user("olga", Role.OPERATOR);
    final Random random = new Random(11L);

    @BeforeAll
    static void open() {
        SoftHsm.missing().ifPresent(reason -> {
            if ("true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
                fail("SoftHSM2 is required: " + reason);
            }
            Assumptions.abort("SoftHSM2 is not available: " + reason);
        });
        hsm = Pkcs11KeyCustody.open(SoftHsm.shared().options(4));
        db = Fixtures.database(dir);
        software = new SoftwareKeyCustody(new JdbcSealedKeyRepository(db.dataSource()), MasterKey.random(), false,
                Clock.systemUTC());
        service = new SigningService(db.jdbi(), Map.of("pkcs11", hsm, "software", software), JOURNAL,
                java.util.List.of(new EthereumTransactionFormat()), new SigningServiceSettings(Duration.ofHours(1), 0, 1), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        if (db != null) {
            software.close();
            db.close();
        }
        if (hsm != null) {
            hsm.close();
        }
    }

    private static ManagedKey create(String alias, Curve curve) {
        return create(alias, curve, "journal-checkpoint");
    }

    private static ManagedKey create(String alias, Curve curve, String purpose) {
        return service.lifecycle().create(new NewKey(alias, "pkcs11", curve.label(), purpose, Optional.empty()),
                ADMIN.username());
    }

    private String signVerified(String alias, String idempotencyKey) {
        String digest = Fixtures.digest(random);
        SigningRequest r = service.sign(alias, OPERATOR, idempotencyKey, new SignBody("journal-checkpoint", digest,
                Optional.empty()));
        SignatureRecord sig = r.signature().orElseThrow();
        assertThat(Fixtures.verifies(Curve.fromLabel(sig.curve()).orElseThrow(), sig.publicKey(), digest, sig.signature()))
                .isTrue();
        return sig.publicKey();
    }

    @Test
    void hsmKeysAreAttestedSignRotateAndAreDestroyedAfterApproval() {
        ManagedKey key = create("checkpoint-hsm", Curve.P256);
        assertThat(key.current().attestation().keyNeverLeavesCustody()).isTrue();
        assertThat(JOURNAL.ofType("signing.key-created").getLast().attributes())
                .containsEntry("attestation.protection", "hardware")
                .containsEntry("attestation.never-leaves-custody", "true").containsEntry("backend", "pkcs11");
        assertThat(signVerified("checkpoint-hsm", "h-1")).isEqualTo(key.current().publicKey().hex());

        ManagedKey rotated = service.lifecycle().rotate("checkpoint-hsm", ADMIN.username());
        assertThat(signVerified("checkpoint-hsm", "h-2")).isEqualTo(rotated.current().publicKey().hex())
                .isNotEqualTo(key.current().publicKey().hex());
        assertThat(hsm.describe(key.current().handle()).publicKey()).isEqualTo(key.current().publicKey());

        SigningRequest destroy = service.requestDestroy("checkpoint-hsm", ADMIN, "destroy-1");
        assertThat(destroy.state()).isEqualTo(RequestState.PENDING);
        assertThat(service.approvals().approve(destroy.id(), SECOND_ADMIN).state()).isEqualTo(RequestState.COMPLETED);
        assertThatThrownBy(() -> hsm.sign(key.current().handle(), io.cairn.custody.spi.SigningInput.digest(new byte[32])))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_KEY_DESTROYED));
        assertThat(service.keys().require("checkpoint-hsm").state()).isEqualTo(KeyState.DESTROYED);
    }

    @Test
    void secp256k1OnTheTokenHasAnEthereumAddressAndSignsTransactionsThatRecoverToIt() throws Exception {
        ManagedKey key = create("ledger-hsm", Curve.SECP256K1);
        assertThat(EthereumAddress.of(key.current().publicKey())).isPresent();
        create("ledger-eth", Curve.SECP256K1, "ledger-transaction");
        for (int nonce = 0; nonce < 8; nonce++) {
            com.fasterxml.jackson.databind.JsonNode tx = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .put("type", nonce % 2 == 0 ? "eip1559" : "legacy").put("chainId", 31337).put("nonce", "" + nonce)
                    .put("gasPrice", "1000000000").put("maxPriorityFeePerGas", "1").put("maxFeePerGas", "1000000000")
                    .put("gasLimit", "21000").put("to", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8").put("value", "7");
            if (nonce % 2 == 0) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) tx).remove("gasPrice");
            } else {
                ((com.fasterxml.jackson.databind.node.ObjectNode) tx).remove(java.util.List.of("maxPriorityFeePerGas", "maxFeePerGas"));
            }
            SignatureRecord sig = service.signLedger("ledger-eth", OPERATOR, "eth-" + nonce, "ethereum-transaction", tx)
                    .signature().orElseThrow();
            org.web3j.crypto.SignedRawTransaction decoded = (org.web3j.crypto.SignedRawTransaction)
                    org.web3j.crypto.TransactionDecoder.decode(sig.ledger().orElseThrow().get("raw").asText());
            assertThat(decoded.getFrom()).isEqualToIgnoringCase(sig.ethereumAddress().orElseThrow());
        }
        signVerified("ledger-hsm", "k-1");
        assertThat(service.healthChecks()).extracting(h -> h.name() + "=" + h.check().up())
                .containsExactly("signing-custody-pkcs11=true", "signing-custody-software=true");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aClosedTokenConnectionFailsClosedAndNoOtherBackendSigns() {
        create("closed-hsm", Curve.P256);
        Pkcs11KeyCustody closed = Pkcs11KeyCustody.open(SoftHsm.shared().options(1));
        closed.close();
        SigningService broken = new SigningService(db.jdbi(), Map.of("pkcs11", closed, "software", software), JOURNAL,
                SigningServiceSettings.defaults(), Clock.systemUTC());
        int released = JOURNAL.ofType("signing.signature-released").size();
        assertThatThrownBy(() -> broken.sign("closed-hsm", OPERATOR, "c-1", new SignBody("journal-checkpoint",
                Fixtures.digest(random), Optional.empty()))).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE));
        assertThat(JOURNAL.ofType("signing.signature-released")).hasSize(released);
        assertThat(broken.healthChecks()).extracting(h -> h.name() + "=" + h.check().up())
                .contains("signing-custody-pkcs11=false");
    }
}
