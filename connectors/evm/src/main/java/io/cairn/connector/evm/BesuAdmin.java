package io.cairn.connector.evm;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.Web3jService;

/**
 * The Besu administration calls the consortium module needs: validator votes (QBFT, IBFT 2.0), Clique signer
 * votes (the same API on any geth-compatible node), and node and account allowlists ({@code perm_*}).
 *
 * <p>The node must enable the matching JSON-RPC APIs ({@code --rpc-http-api=QBFT,CLIQUE,PERM,...}).
 * Failures are {@code CAIRN-LEDGER-0010}, unreachable nodes {@code CAIRN-LEDGER-0001}.
 */
public final class BesuAdmin implements AutoCloseable {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern ENODE = Pattern.compile("enode://[0-9a-fA-F]{128}@[^\\s]+");

    private final Web3jService service;

    private BesuAdmin(Web3jService service) {
        this.service = service;
    }

    /** A client for the node at {@code url}, with the given headers and TLS settings. */
    public static BesuAdmin open(URI url, Map<String, String> headers, Optional<TlsSettings> tls, Duration timeout) {
        return new BesuAdmin(RpcTransport.open(url, headers, tls, timeout));
    }

    /** A client for the node of a connector's configuration. */
    public static BesuAdmin open(EvmLedgerConfig config) {
        return new BesuAdmin(RpcTransport.open(config));
    }

    // --- QBFT / IBFT 2.0 -----------------------------------------------------------------------------

    /** Votes to add ({@code true}) or remove a validator; the vote is cast in blocks this node proposes. */
    public void proposeValidatorVote(BftProtocol protocol, String address, boolean add) {
        expectTrue(protocol.method("proposeValidatorVote"), address(address), add);
    }

    /** Withdraws this node's pending vote about {@code address}. */
    public void discardValidatorVote(BftProtocol protocol, String address) {
        expectTrue(protocol.method("discardValidatorVote"), address(address));
    }

    /** The validators at the latest block. */
    public List<String> validators(BftProtocol protocol) {
        return strings(call(protocol.method("getValidatorsByBlockNumber"), "latest"));
    }

    /** This node's pending votes: address to add ({@code true}) or remove. */
    public Map<String, Boolean> pendingVotes(BftProtocol protocol) {
        return votes(call(protocol.method("getPendingVotes")));
    }

    // --- Clique ----------------------------------------------------------------------------------------

    /** Votes to add ({@code true}) or remove a Clique signer. */
    public void proposeCliqueSigner(String address, boolean add) {
        expectTrue("clique_propose", address(address), add);
    }

    /** Withdraws this node's pending Clique vote about {@code address}. */
    public void discardCliqueVote(String address) {
        expectTrue("clique_discard", address(address));
    }

    /** The Clique signers at the latest block. */
    public List<String> cliqueSigners() {
        return strings(call("clique_getSigners", "latest"));
    }

    /** This node's pending Clique votes. */
    public Map<String, Boolean> cliqueProposals() {
        return votes(call("clique_proposals"));
    }

    // --- Permissioning allowlists ---------------------------------------------------------------------

    /** Adds accounts to the local account allowlist. */
    public void addAccountsToAllowlist(List<String> addresses) {
        expectSuccess("perm_addAccountsToAllowlist", addresses.stream().map(BesuAdmin::address).toList());
    }

    /** Removes accounts from the local account allowlist. */
    public void removeAccountsFromAllowlist(List<String> addresses) {
        expectSuccess("perm_removeAccountsFromAllowlist", addresses.stream().map(BesuAdmin::address).toList());
    }

    /** The local account allowlist. */
    public List<String> accountsAllowlist() {
        return strings(call("perm_getAccountsAllowlist"));
    }

    /** Adds enode URLs to the local node allowlist. */
    public void addNodesToAllowlist(List<String> enodes) {
        expectSuccess("perm_addNodesToAllowlist", enodes.stream().map(BesuAdmin::enode).toList());
    }

    /** Removes enode URLs from the local node allowlist. */
    public void removeNodesFromAllowlist(List<String> enodes) {
        expectSuccess("perm_removeNodesFromAllowlist", enodes.stream().map(BesuAdmin::enode).toList());
    }

    /** The local node allowlist. */
    public List<String> nodesAllowlist() {
        return strings(call("perm_getNodesAllowlist"));
    }

    /** Re-reads the permissions configuration file on the node. */
    public void reloadPermissionsFromFile() {
        expectSuccess("perm_reloadPermissionsFromFile");
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private void expectTrue(String method, Object... params) {
        Object result = call(method, params);
        if (!Boolean.TRUE.equals(result)) {
            throw failed(method, "node answered " + result);
        }
    }

    private void expectSuccess(String method, Object... params) {
        Object result = call(method, params);
        if (!"Success".equals(result)) {
            throw failed(method, "node answered " + result);
        }
    }

    private Object call(String method, Object... params) {
        Request<?, RawResponse> request = new Request<>(method, new ArrayList<>(Arrays.asList(params)), service,
                RawResponse.class);
        RawResponse response;
        try {
            response = request.send();
        } catch (java.io.IOException | RuntimeException e) {
            throw EvmNode.unreachable(method, e);
        }
        if (response.hasError()) {
            throw failed(method, response.getError().getCode() + " " + response.getError().getMessage());
        }
        return response.getResult();
    }

    private static CairnException failed(String method, String detail) {
        return new CairnException(ErrorCode.LEDGER_ADMIN_CALL_FAILED, method + " failed: " + detail);
    }

    private static List<String> strings(Object result) {
        if (!(result instanceof List<?> list)) {
            throw EvmNode.invalid("expected a list, got " + result);
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static Map<String, Boolean> votes(Object result) {
        if (!(result instanceof Map<?, ?> map)) {
            throw EvmNode.invalid("expected an object of votes, got " + result);
        }
        Map<String, Boolean> votes = new LinkedHashMap<>();
        map.forEach((k, v) -> votes.put(String.valueOf(k).toLowerCase(Locale.ROOT), Boolean.TRUE.equals(v)));
        return votes;
    }

    private static String address(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, "address",
                    "not an account address: " + address);
        }
        return address;
    }

    private static String enode(String enode) {
        if (!ENODE.matcher(enode).matches()) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, "enode", "not an enode URL");
        }
        return enode;
    }

    /** A JSON-RPC response with an untyped result. */
    public static final class RawResponse extends Response<Object> {
    }
}
