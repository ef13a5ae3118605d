package io.cairn.connector.corda.contracts;

import static net.corda.testing.node.NodeTestUtils.ledger;

import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import kotlin.Unit;
import net.corda.core.contracts.CommandData;
import net.corda.core.identity.CordaX500Name;
import net.corda.core.identity.Party;
import net.corda.testing.core.TestIdentity;
import net.corda.testing.dsl.TransactionDSL;
import net.corda.testing.dsl.TransactionDSLInterpreter;
import net.corda.testing.node.MockServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link AnchorContract} under Corda's own transaction verification ({@code MockServices} and the ledger
 * DSL from corda-test-utils): only the issuance of one well-formed, signed anchor verifies.
 */
class AnchorContractTest {

    private static final TestIdentity ANCHORING = new TestIdentity(new CordaX500Name("Cairn Anchor", "Zurich", "CH"));
    private static final TestIdentity OBSERVER = new TestIdentity(new CordaX500Name("Observer", "London", "GB"));
    private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final MockServices services = new MockServices(
            Collections.singletonList("io.cairn.connector.corda.contracts"), ANCHORING, OBSERVER);

    @Test
    void anAnchorIssuedBySignedByItsPartyVerifies() {
        verifies(tx -> {
            tx.output(AnchorContract.ID, anchor(DIGEST, "payments", 0));
            tx.command(ANCHORING.getPublicKey(), new AnchorContract.Commands.Anchor());
        });
    }

    @Test
    void anchorsCannotBeConsumed() {
        AnchorState existing = anchor(DIGEST, "payments", 7);
        fails("consumes and references nothing", tx -> {
            tx.input(AnchorContract.ID, existing);
            tx.output(AnchorContract.ID, anchor(DIGEST, "payments", 8));
            tx.command(ANCHORING.getPublicKey(), new AnchorContract.Commands.Anchor());
        });
        fails("consumes and references nothing", tx -> {
            tx.input(AnchorContract.ID, existing);
            tx.command(ANCHORING.getPublicKey(), new AnchorContract.Commands.Anchor());
        });
    }

    @Test
    void oneAnchorPerTransaction() {
        fails("exactly one output", tx -> {
            tx.output(AnchorContract.ID, anchor(DIGEST, "payments", 1));
            tx.output(AnchorContract.ID, anchor(DIGEST, "payments", 2));
            tx.command(ANCHORING.getPublicKey(), new AnchorContract.Commands.Anchor());
        });
    }

    @Test
    void theAnchorCommandIsRequiredAndAlone() {
        fails("exactly one command", tx -> {
            tx.output(AnchorContract.ID, anchor(DIGEST, "payments", 1));
            tx.command(ANCHORING.getPublicKey(), new Unrelated());
        });
        fails("exactly one command", tx -> {
            tx.output(AnchorContract.ID, anchor(DIGEST, "payments", 1));
            tx.command(ANCHORING.getPublicKey(), new AnchorContract.Commands.Anchor());
            tx.command(ANCHORING.getPublicKey(), new AnchorContract.Commands.Anchor());
        });
    }

    @Test
    void theAnchoringPartySigns() {
        fails("the anchoring party signs", tx -> {
            tx.output(AnchorContract.ID, anchor(DIGEST, "payments", 1));
            tx.command(OBSERVER.getPublicKey(), new AnchorContract.Commands.Anchor());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0800",
            "0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a"})
    void digestsAre32BytesOfLowerCaseHex(String digest) {
        fails("the digest is 32 bytes", signedIssue(anchor(digest, "payments", 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Payments", "pay/ments", "pay ments", "a23456789012345678901234567890123", "zahlungsverkehr-\u00e4"})
    void applicationIdsFollowTheHashPointerRules(String application) {
        fails("the application id", signedIssue(anchor(DIGEST, application, 1)));
    }

    @Test
    void blockSequenceNumbersAreNotNegative() {
        fails("the block sequence number is not negative", signedIssue(anchor(DIGEST, "payments", -1)));
        verifies(signedIssue(anchor(DIGEST, "payments", Long.MAX_VALUE)));
    }

    /** Seeded, replayable: random valid anchors verify; one mutated field makes the same shape fail. */
    @Test
    void randomValidAnchorsVerifyAndMutationsFail() {
        long seed = 0xa7c0d5L;
        Random random = new Random(seed);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789._-";
        for (int i = 0; i < 20; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            StringBuilder application = new StringBuilder();
            int length = 1 + random.nextInt(32);
            for (int c = 0; c < length; c++) {
                application.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            long seq = random.nextLong() & Long.MAX_VALUE;
            String hex = HexFormat.of().formatHex(digest);
            verifies(signedIssue(anchor(hex, application.toString(), seq)));
            switch (random.nextInt(3)) {
                case 0 -> fails("digest", signedIssue(anchor(hex.substring(2), application.toString(), seq)));
                case 1 -> fails("application", signedIssue(anchor(hex, application + "/", seq)));
                default -> fails("block sequence", signedIssue(anchor(hex, application.toString(), -1 - seq)));
            }
        }
    }

    private static AnchorState anchor(String digest, String application, long seq) {
        List<Party> observers = Arrays.asList(OBSERVER.getParty());
        return new AnchorState(digest, application, seq, ANCHORING.getParty(), observers);
    }

    private static Consumer<TransactionDSL<? extends TransactionDSLInterpreter>> signedIssue(AnchorState state) {
        return tx -> {
            tx.output(AnchorContract.ID, state);
            tx.command(ANCHORING.getPublicKey(), new AnchorContract.Commands.Anchor());
        };
    }

    private void verifies(Consumer<TransactionDSL<? extends TransactionDSLInterpreter>> body) {
        ledger(services, l -> {
            l.transaction(tx -> {
                body.accept(tx);
                return tx.verifies();
            });
            return Unit.INSTANCE;
        });
    }

    private void fails(String message, Consumer<TransactionDSL<? extends TransactionDSLInterpreter>> body) {
        ledger(services, l -> {
            l.transaction(tx -> {
                body.accept(tx);
                return tx.failsWith(message);
            });
            return Unit.INSTANCE;
        });
    }

    /** A command of no contract. */
    private static final class Unrelated implements CommandData {
    }
}
