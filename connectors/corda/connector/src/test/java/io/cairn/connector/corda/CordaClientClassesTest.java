package io.cairn.connector.corda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.corda.contracts.AnchorSchemaV1;
import io.cairn.connector.corda.contracts.AnchorState;
import io.cairn.connector.spi.HashPointer;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.corda.client.rpc.CordaRPCClient;
import net.corda.core.contracts.StateAndRef;
import net.corda.core.contracts.StateRef;
import net.corda.core.contracts.TransactionState;
import net.corda.core.crypto.Crypto;
import net.corda.core.crypto.SecureHash;
import net.corda.core.identity.CordaX500Name;
import net.corda.core.identity.Party;
import net.corda.core.node.services.Vault;
import net.corda.core.node.services.vault.ColumnPredicate;
import net.corda.core.node.services.vault.CriteriaExpression;
import net.corda.core.node.services.vault.QueryCriteria;
import net.corda.core.serialization.SerializationFactory;
import net.corda.core.serialization.SerializedBytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Corda 4.10 client side on this JDK, without a node: the RPC client classes load, an
 * {@link AnchorState} survives Corda's AMQP serialisation (what the RPC client does to vault answers), vault
 * queries over the anchor schema's columns can be built, and vault answers map to {@link VaultAnchor}s.
 */
class CordaClientClassesTest {

    private static final Random RANDOM = new Random(0x4a11);

    @BeforeAll
    static void cordaSerialisation() {
        // creating the RPC client (it never connects here) installs the process's AMQP serialisation environment
        new CordaRPCClient(new net.corda.core.utilities.NetworkHostAndPort("127.0.0.1", 10_006));
    }

    @Test
    void anAnchorStateSurvivesAnAmqpRoundTrip() {
        AnchorState state = anchorState(7);
        SerializationFactory factory = SerializationFactory.Companion.getDefaultFactory();

        SerializedBytes<AnchorState> bytes = factory.serialize(state, factory.getDefaultContext());
        AnchorState back = factory.deserialize(bytes, AnchorState.class, factory.getDefaultContext());

        assertThat(back).isEqualTo(state);
        assertThat(back.getObservers()).isEqualTo(state.getObservers());
        assertThat(back.getParticipants()).hasSize(2);
    }

    @Test
    void vaultQueriesSelectOnTheAnchorSchemaColumns() {
        HashPointer pointer = new HashPointer(new byte[32], "payments", 4);
        SecureHash txId = SecureHash.randomSHA256();

        QueryCriteria all = AnchorVaultQuery.of(new AnchorCriteria(Optional.of(pointer.digestHex()),
                Optional.of("payments"), Optional.of(4L), Optional.of(txId.toString())));
        QueryCriteria byPointer = AnchorVaultQuery.of(AnchorCriteria.forPointer(pointer));

        Map<String, Object> columns = new HashMap<>();
        List<StateRef> refs = new ArrayList<>();
        flatten(all, columns, refs);
        assertThat(columns).containsExactlyInAnyOrderEntriesOf(Map.of("digest", pointer.digestHex(),
                "application", "payments", "blockSeq", 4L));
        assertThat(refs).containsExactly(new StateRef(txId, 0));
        Map<String, Object> pointerColumns = new HashMap<>();
        List<StateRef> noRefs = new ArrayList<>();
        flatten(byPointer, pointerColumns, noRefs);
        assertThat(pointerColumns).isEqualTo(columns);
        assertThat(noRefs).isEmpty();
    }

    private static void flatten(QueryCriteria criteria, Map<String, Object> columns, List<StateRef> refs) {
        if (criteria instanceof QueryCriteria.AndComposition and) {
            flatten(and.getA(), columns, refs);
            flatten(and.getB(), columns, refs);
        } else if (criteria instanceof QueryCriteria.VaultCustomQueryCriteria<?> custom) {
            var expression = (CriteriaExpression.ColumnPredicateExpression<?, ?>) custom.getExpression();
            assertThat(expression.getColumn().getDeclaringClass()).isEqualTo(AnchorSchemaV1.PersistentAnchor.class);
            var predicate = (ColumnPredicate.EqualityComparison<?>) expression.getPredicate();
            columns.put(expression.getColumn().getName(), predicate.getRightLiteral());
        } else if (criteria instanceof QueryCriteria.VaultQueryCriteria vault && vault.getStateRefs() != null) {
            refs.addAll(vault.getStateRefs());
        }
    }

    @Test
    void vaultAnswersMapToVaultAnchors() {
        AnchorState state = anchorState(11);
        SecureHash txId = SecureHash.randomSHA256();
        StateAndRef<AnchorState> stateAndRef = new StateAndRef<>(new TransactionState<>(state,
                "io.cairn.connector.corda.contracts.AnchorContract", notary()), new StateRef(txId, 0));
        Instant recorded = Instant.parse("2026-03-01T10:00:00Z");
        Vault.StateMetadata metadata = new Vault.StateMetadata(new StateRef(txId, 0),
                "io.cairn.connector.corda.contracts.AnchorContract", recorded, null, Vault.StateStatus.UNCONSUMED,
                null, null, null, Vault.RelevancyStatus.RELEVANT, null);

        VaultAnchor anchor = CordaRpcNode.vaultAnchor(stateAndRef, metadata);

        assertThat(anchor).isEqualTo(new VaultAnchor(txId.toString(), 0, state.getDigest(), "payments", 11,
                state.getAnchoringParty().getName().toString(), recorded, false));
        assertThat(anchor.pointer()).contains(new HashPointer(HexFormat.of().parseHex(state.getDigest()),
                "payments", 11));
    }

    @Test
    void connectingWhereNoNodeListensIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CordaLedgerConfig config = new CordaLedgerConfig("corda-test", "127.0.0.1", port, "cairn", "secret",
                Optional.empty(), List.of(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> CordaRpcNode.connect(config))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_UNREACHABLE))
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageNotContaining("secret");
    }

    @Test
    void theAnchoringFlowClassMustBeOnTheClassPath() {
        assertThatThrownBy(() -> CordaRpcNode.flowClass(CordaConnector.ANCHOR_FLOW))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_INVALID_CONFIGURATION))
                .hasMessageContaining("flows jar");
        assertThatThrownBy(() -> CordaRpcNode.flowClass(String.class.getName()))
                .hasMessageContaining("is not a Corda flow");
    }

    @Test
    void theSchemaMapsTheStateToItsQueryColumns() {
        AnchorState state = anchorState(3);
        AnchorSchemaV1.PersistentAnchor row = (AnchorSchemaV1.PersistentAnchor) state.generateMappedObject(
                new AnchorSchemaV1());

        assertThat(List.of(row.getDigest(), row.getApplication(), row.getAnchoringParty()))
                .containsExactly(state.getDigest(), "payments", "O=Cairn Anchor, L=Zurich, C=CH");
        assertThat(row.getBlockSeq()).isEqualTo(3);
    }

    private static AnchorState anchorState(long seq) {
        byte[] digest = new byte[32];
        RANDOM.nextBytes(digest);
        return new AnchorState(HexFormat.of().formatHex(digest), "payments", seq,
                party("O=Cairn Anchor,L=Zurich,C=CH"), List.of(party("O=Other Member,L=London,C=GB")));
    }

    private static Party notary() {
        return party("O=Notary,L=Zurich,C=CH");
    }

    private static Party party(String name) {
        return new Party(CordaX500Name.parse(name), Crypto.generateKeyPair(Crypto.EDDSA_ED25519_SHA512).getPublic());
    }
}
