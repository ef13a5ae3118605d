package io.cairn.connector.corda;

import static io.cairn.connector.corda.ExpectedFailure.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.corda.contracts.AnchorState;
import io.cairn.kernel.ErrorCode;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.corda.client.rpc.RPCException;
import net.corda.core.contracts.StateAndRef;
import net.corda.core.contracts.StateRef;
import net.corda.core.contracts.TransactionState;
import net.corda.core.crypto.Crypto;
import net.corda.core.crypto.SecureHash;
import net.corda.core.flows.FlowException;
import net.corda.core.flows.StateMachineRunId;
import net.corda.core.identity.CordaX500Name;
import net.corda.core.identity.Party;
import net.corda.core.internal.concurrent.CordaFutureImpl;
import net.corda.core.messaging.CordaRPCOps;
import net.corda.core.messaging.FlowProgressHandle;
import net.corda.core.node.services.Vault;
import net.corda.core.node.services.vault.PageSpecification;
import org.junit.jupiter.api.Test;
import rx.Observable;

/**
 * {@link CordaRpcNode}'s handling of what {@code CordaRPCOps} answers — progress, results, failures, timeouts,
 * vault paging — against a recording {@code CordaRPCOps} made with {@link Proxy} (not a node).
 */
class RecordingRpcOpsTest {

    private static final String FLOW = "net.corda.core.flows.FinalityFlow";
    private static final Party PARTY = new Party(CordaX500Name.parse("O=Cairn Anchor,L=Zurich,C=CH"),
            Crypto.generateKeyPair(Crypto.EDDSA_ED25519_SHA512).getPublic());

    private final CordaFutureImpl<Object> result = new CordaFutureImpl<>();
    private final List<Object[]> flowStarts = new ArrayList<>();
    private final List<PageSpecification> pages = new ArrayList<>();
    private final AtomicInteger handlesClosed = new AtomicInteger();
    private final AtomicInteger disconnects = new AtomicInteger();
    private final UUID runId = new UUID(1, 2);
    private int vaultSize;
    private RuntimeException rpcFailure;

    private final CordaRpcNode node = new CordaRpcNode(ops(), disconnects::incrementAndGet);

    @Test
    void progressStepsArePassedOnAndTheResultReturned() {
        SecureHash txId = SecureHash.randomSHA256();
        result.set(txId);
        List<String> steps = new ArrayList<>();

        FlowResult flow = node.runFlow(call(Duration.ofSeconds(5)), steps::add);

        assertThat(steps).containsExactly("Signing", "Notarising");
        assertThat(flow).isEqualTo(new FlowResult(runId.toString(), txId));
        assertThat(flowStarts.getFirst()).containsExactly("ab", "payments", 3L);
        assertThat(handlesClosed).hasValue(1);
    }

    @Test
    void aFlowExceptionIsARejectedAnchor() {
        result.setException(new FlowException("the notary refused"));

        assertFails(() -> node.runFlow(call(Duration.ofSeconds(5)), step -> { }), ErrorCode.LEDGER_ANCHOR_REJECTED)
                .hasMessageContaining("the notary refused");
        assertThat(handlesClosed).hasValue(1);
    }

    @Test
    void aFlowThatDoesNotFinishInTimeIsAConfirmationTimeout() {
        assertFails(() -> node.runFlow(call(Duration.ofMillis(50)), step -> { }),
                ErrorCode.LEDGER_CONFIRMATION_TIMEOUT).hasMessageContaining("PT0.05S");
        assertThat(handlesClosed).hasValue(1);
    }

    @Test
    void rpcFailuresAreAnUnreachableLedger() {
        result.setException(new RPCException("connection lost"));
        assertFails(() -> node.runFlow(call(Duration.ofSeconds(5)), step -> { }), ErrorCode.LEDGER_UNREACHABLE);

        rpcFailure = new RPCException("node stopped");
        assertFails(() -> node.runFlow(call(Duration.ofSeconds(5)), step -> { }), ErrorCode.LEDGER_UNREACHABLE)
                .hasMessageContaining("node stopped");
        assertFails(node::nodeInfo, ErrorCode.LEDGER_UNREACHABLE);
        assertFails(() -> node.anchors(AnchorCriteria.forTransaction(SecureHash.randomSHA256().toString())),
                ErrorCode.LEDGER_UNREACHABLE);
    }

    @Test
    void vaultAnswersAreReadPageByPage() {
        vaultSize = 450;

        List<VaultAnchor> anchors = node.anchors(AnchorCriteria.forTransaction(SecureHash.randomSHA256().toString()));

        assertThat(anchors).hasSize(450);
        assertThat(pages).extracting(PageSpecification::getPageNumber).containsExactly(1, 2, 3);
        assertThat(anchors).extracting(VaultAnchor::blockSeq).doesNotHaveDuplicates();
    }

    @Test
    void nodeInfoAndTimeAreReadAndCloseDisconnects() {
        assertThat(node.currentNodeTime()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));

        node.close();

        assertThat(disconnects).hasValue(1);
    }

    private static FlowCall call(Duration timeout) {
        return new FlowCall(FLOW, List.of("ab", "payments", 3L), timeout);
    }

    private CordaRPCOps ops() {
        return (CordaRPCOps) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CordaRPCOps.class},
                (proxy, method, args) -> {
                    if (rpcFailure != null) {
                        throw rpcFailure;
                    }
                    return switch (method.getName()) {
                        case "startTrackedFlowDynamic" -> {
                            flowStarts.add((Object[]) args[1]);
                            yield handle();
                        }
                        case "vaultQueryByWithPagingSpec" -> page((PageSpecification) args[2]);
                        case "currentNodeTime" -> Instant.parse("2026-05-01T00:00:00Z");
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    private FlowProgressHandle<?> handle() {
        return (FlowProgressHandle<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FlowProgressHandle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProgress" -> Observable.from(List.of("Signing", "Notarising"));
                    case "getReturnValue" -> result;
                    case "getId" -> new StateMachineRunId(runId);
                    case "close" -> {
                        handlesClosed.incrementAndGet();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Vault.Page<AnchorState> page(PageSpecification spec) {
        pages.add(spec);
        int from = (spec.getPageNumber() - 1) * spec.getPageSize();
        int to = Math.min(vaultSize, from + spec.getPageSize());
        List<StateAndRef<AnchorState>> states = new ArrayList<>();
        List<Vault.StateMetadata> metadata = new ArrayList<>();
        for (int seq = from; seq < to; seq++) {
            StateRef ref = new StateRef(SecureHash.randomSHA256(), 0);
            AnchorState state = new AnchorState(HexFormat.of().formatHex(new byte[32]), "payments", seq, PARTY,
                    List.of());
            states.add(new StateAndRef<>(new TransactionState<>(state, "contract", PARTY), ref));
            metadata.add(new Vault.StateMetadata(ref, "contract", Instant.EPOCH, null, Vault.StateStatus.UNCONSUMED,
                    null, null, null, Vault.RelevancyStatus.RELEVANT, null));
        }
        return new Vault.Page<>(states, metadata, vaultSize, Vault.StateStatus.ALL, List.of());
    }
}
