package io.cairn.connector.corda;

import io.cairn.connector.corda.contracts.AnchorState;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.corda.client.rpc.CordaRPCClient;
import net.corda.client.rpc.CordaRPCConnection;
import net.corda.core.contracts.StateAndRef;
import net.corda.core.flows.FlowException;
import net.corda.core.flows.FlowLogic;
import net.corda.core.identity.Party;
import net.corda.core.messaging.CordaRPCOps;
import net.corda.core.messaging.FlowProgressHandle;
import net.corda.core.node.NodeInfo;
import net.corda.core.node.services.Vault;
import net.corda.core.node.services.vault.PageSpecification;
import net.corda.core.utilities.NetworkHostAndPort;
import rx.Subscription;

/**
 * {@link CordaNode} over Corda 4 RPC ({@code CordaRPCOps}).
 *
 * <p>Flows are started by class name: the class (the anchoring CorDapp's flows jar) must be loadable here,
 * because Corda's RPC names a flow by a {@code Class} object; only its name travels to the node.
 */
public final class CordaRpcNode implements CordaNode {

    private static final int PAGE_SIZE = 200;

    private final CordaRPCOps ops;
    private final Runnable disconnect;

    /** A node reached through {@code ops}; {@code disconnect} runs on {@link #close()}. */
    CordaRpcNode(CordaRPCOps ops, Runnable disconnect) {
        this.ops = ops;
        this.disconnect = disconnect;
    }

    /** Opens an RPC connection to the configured node. */
    public static CordaRpcNode connect(CordaLedgerConfig config) {
        try {
            CordaRPCClient client = new CordaRPCClient(new NetworkHostAndPort(config.host(), config.port()));
            CordaRPCConnection connection = client.start(config.username(), config.password());
            return new CordaRpcNode(connection.getProxy(), connection::notifyServerAndClose);
        } catch (RuntimeException unreachable) {
            throw new CairnException(ErrorCode.LEDGER_UNREACHABLE, "Corda node " + config.host() + ":"
                    + config.port() + " did not accept the RPC connection: " + unreachable.getMessage(), unreachable);
        }
    }

    @Override
    public FlowResult runFlow(FlowCall call, Consumer<String> progress) {
        Class<? extends FlowLogic<?>> flowClass = flowClass(call.flowClassName());
        FlowProgressHandle<?> handle = rpc(() -> ops.startTrackedFlowDynamic(flowClass, call.arguments().toArray()));
        Subscription steps = handle.getProgress().subscribe(progress::accept, ignored -> { });
        try {
            Object value = handle.getReturnValue().get(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new FlowResult(handle.getId().getUuid().toString(), value);
        } catch (TimeoutException late) {
            throw new CairnException(ErrorCode.LEDGER_CONFIRMATION_TIMEOUT, "flow " + call.flowClassName()
                    + " did not finish within " + call.timeout(), late);
        } catch (ExecutionException failed) {
            throw flowFailure(call, failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CairnException(ErrorCode.LEDGER_UNREACHABLE, "interrupted waiting for " + call.flowClassName());
        } finally {
            steps.unsubscribe();
            handle.close();
        }
    }

    @Override
    public List<VaultAnchor> anchors(AnchorCriteria criteria) {
        var query = AnchorVaultQuery.of(criteria);
        List<VaultAnchor> anchors = new ArrayList<>();
        for (int page = 1; ; page++) {
            PageSpecification spec = new PageSpecification(page, PAGE_SIZE);
            Vault.Page<AnchorState> result = rpc(() -> ops.vaultQueryByWithPagingSpec(
                    AnchorVaultQuery.stateType(), query, spec));
            for (int i = 0; i < result.getStates().size(); i++) {
                anchors.add(vaultAnchor(result.getStates().get(i), result.getStatesMetadata().get(i)));
            }
            if (result.getStates().isEmpty() || anchors.size() >= result.getTotalStatesAvailable()) {
                return anchors;
            }
        }
    }

    @Override
    public NodeIdentity nodeInfo() {
        NodeInfo info = rpc(ops::nodeInfo);
        return new NodeIdentity(info.getLegalIdentities().stream().map(party -> party.getName().toString()).toList(),
                info.getPlatformVersion());
    }

    @Override
    public Instant currentNodeTime() {
        return rpc(ops::currentNodeTime);
    }

    @Override
    public void close() {
        disconnect.run();
    }

    static VaultAnchor vaultAnchor(StateAndRef<AnchorState> stateAndRef, Vault.StateMetadata metadata) {
        AnchorState state = stateAndRef.getState().getData();
        Party party = state.getAnchoringParty();
        return new VaultAnchor(stateAndRef.getRef().getTxhash().toString(), stateAndRef.getRef().getIndex(),
                state.getDigest(), state.getApplication(), state.getBlockSeq(), party.getName().toString(),
                metadata.getRecordedTime(), metadata.getStatus() == Vault.StateStatus.CONSUMED);
    }

    @SuppressWarnings("unchecked")
    static Class<? extends FlowLogic<?>> flowClass(String name) {
        try {
            Class<?> type = Class.forName(name, false, CordaRpcNode.class.getClassLoader());
            if (!FlowLogic.class.isAssignableFrom(type)) {
                throw new CairnException(ErrorCode.LEDGER_INVALID_CONFIGURATION, name + " is not a Corda flow");
            }
            return (Class<? extends FlowLogic<?>>) type;
        } catch (ClassNotFoundException missing) {
            throw new CairnException(ErrorCode.LEDGER_INVALID_CONFIGURATION, "flow class " + name
                    + " is not on the class path: add the anchoring CorDapp's flows jar", missing);
        }
    }

    private static CairnException flowFailure(FlowCall call, Throwable cause) {
        if (cause instanceof FlowException) {
            return new CairnException(ErrorCode.LEDGER_ANCHOR_REJECTED, "flow " + call.flowClassName() + " failed: "
                    + cause.getMessage(), cause);
        }
        return new CairnException(ErrorCode.LEDGER_UNREACHABLE, "flow " + call.flowClassName() + " did not complete: "
                + cause, cause);
    }

    private static <T> T rpc(Supplier<T> call) {
        try {
            return call.get();
        } catch (CairnException known) {
            throw known;
        } catch (RuntimeException failed) {
            throw new CairnException(ErrorCode.LEDGER_UNREACHABLE, "Corda RPC call failed: " + failed, failed);
        }
    }
}
