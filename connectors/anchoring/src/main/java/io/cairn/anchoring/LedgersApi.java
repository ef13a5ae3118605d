package io.cairn.anchoring;

import io.cairn.connector.spi.LedgerConnector;
import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.kernel.access.Role;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The {@code /api/v1/ledgers} resource: consortium admins register and remove ledgers; operators and auditors
 * read them with health, queue depth and anchor lag. Secrets (the authorisation header) are never returned.
 */
public final class LedgersApi implements ApiService {
    private static final Set<Role> READERS = Set.of(Role.CONSORTIUM_ADMIN, Role.OPERATOR, Role.AUDITOR);
    private final LedgerRegistry registry;
    private final Clock clock;

    /**
     * Creates the resource.
     *
     * @param registry the ledger registry
     * @param clock    the clock the lag is measured with
     */
    public LedgersApi(LedgerRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("POST", "/api/v1/ledgers", "registerLedger")
                        .summary("Register a ledger after checking that its node is reachable and is the configured chain")
                        .roles(Role.CONSORTIUM_ADMIN).request(LedgerRegistration.class).response(LedgerView.class)
                        .status(201).handler(this::register),
                Endpoint.of("GET", "/api/v1/ledgers", "listLedgers")
                        .summary("List ledgers with health, anchor queue depth and anchor lag").roles(READERS)
                        .response(LedgerView.LedgerList.class)
                        .handler(r -> ApiResponse.ok(new LedgerView.LedgerList(registry.list().stream()
                                .map(this::view).toList()))),
                Endpoint.of("GET", "/api/v1/ledgers/{name}", "getLedger")
                        .summary("Show a ledger (configuration without secrets), its health, queue depth and lag")
                        .roles(READERS).response(LedgerView.class)
                        .handler(r -> ApiResponse.ok(view(registry.require(r.path("name"))))),
                Endpoint.of("DELETE", "/api/v1/ledgers/{name}", "removeLedger")
                        .summary("Remove a ledger; refused while anchors to it are queued or not yet final")
                        .roles(Role.CONSORTIUM_ADMIN).status(204).handler(this::remove));
    }

    private ApiResponse register(ApiRequest r) {
        RegisteredLedger ledger = registry.register(r.body(LedgerRegistration.class).definition(),
                r.principal().username());
        return ApiResponse.created("/api/v1/ledgers/" + ledger.name(), view(ledger));
    }

    private ApiResponse remove(ApiRequest r) {
        registry.remove(r.path("name"), r.principal().username());
        return ApiResponse.noContent();
    }

    private LedgerView view(RegisteredLedger ledger) {
        AnchorJobs jobs = registry.jobs();
        double lag = jobs.lag(ledger.name(), clock.instant()).toMillis() / 1000.0;
        return LedgerView.of(ledger, registry.connector(ledger.name()).map(LedgerConnector::health),
                jobs.queueDepth(ledger.name()), lag);
    }
}
