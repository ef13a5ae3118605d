package io.cairn.anchoring;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.connector.spi.LedgerConnector;
import io.cairn.connector.spi.LedgerHealth;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.storage.StoreFailures;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * The registered ledgers ({@code anchoring.ledgers}) and a live connector for each, built through a
 * {@link ConnectorFactory}. A ledger is stored only after its connector reports it UP (reachable, the
 * configured chain id, the anchoring contract in place). Thread-safe.
 */
public final class LedgerRegistry implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LedgerRegistry.class.getName());
    private final Jdbi jdbi;
    private final ConnectorFactory factory;
    private final AnchorJobs jobs;
    private final AuditJournal journal;
    private final Clock clock;
    private final Map<String, LedgerConnector> live = new ConcurrentHashMap<>();
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();

    /**
     * A registry over the stored ledgers; call {@link #load()} to open their connectors.
     *
     * @param jdbi    database migrated with {@code SchemaMigration.of("anchoring")}
     * @param factory builds connectors
     * @param journal records registrations and removals
     * @param clock   time of registrations
     */
    public LedgerRegistry(Jdbi jdbi, ConnectorFactory factory, AuditJournal journal, Clock clock) {
        this.jdbi = jdbi;
        this.factory = factory;
        this.jobs = new AnchorJobs(jdbi);
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Brings the live connectors in line with the stored ledgers: opens a connector for every stored ledger that
     * has none (registered here or by another appliance instance sharing the database) and closes those of
     * ledgers removed elsewhere. A ledger whose connector cannot be built is logged once and left out until a
     * later call succeeds. The appliance calls it before each anchoring run.
     */
    public LedgerRegistry load() {
        List<RegisteredLedger> stored = list();
        for (RegisteredLedger ledger : stored) {
            try {
                live.computeIfAbsent(ledger.name(), n -> factory.open(ledger.definition()));
                unavailable.remove(ledger.name());
            } catch (RuntimeException e) {
                if (unavailable.add(ledger.name())) {
                    LOG.log(Level.WARNING, "ledger '" + ledger.name() + "' has no connector: " + e.getMessage());
                }
            }
        }
        List<String> names = stored.stream().map(RegisteredLedger::name).toList();
        live.keySet().stream().filter(name -> !names.contains(name)).toList()
                .forEach(name -> Optional.ofNullable(live.remove(name)).ifPresent(LedgerConnector::close));
        return this;
    }

    /**
     * Checks connectivity and stores the ledger.
     *
     * @throws CairnException {@code CAIRN-LEDGER-0021} when the name is taken, {@code 0022} when the check fails,
     *                        {@code 0023} for a type without connector, {@code 0009} for a bad definition
     */
    public RegisteredLedger register(LedgerDefinition definition, String actor) {
        if (find(definition.name()).isPresent() || live.containsKey(definition.name())) {
            throw taken(definition.name());
        }
        LedgerConnector connector = factory.open(definition);
        try {
            LedgerHealth health = connector.health();
            if (health.status() != LedgerHealth.Status.UP) {
                throw new CairnException(ErrorCode.LEDGER_CONNECTIVITY_FAILED, "ledger '" + definition.name()
                        + "' is " + health.status() + ": " + health.detail().orElse("no detail"),
                        Map.of("health", health.status().name()), null);
            }
            RegisteredLedger ledger = new RegisteredLedger(definition, clock.instant(), actor);
            store(ledger);
            live.put(definition.name(), connector);
            journal.append(event("anchoring.ledger-registered", actor, ledger)
                    .withAttribute("chain-id", Long.toString(definition.chainId()))
                    .withAttribute("contract-address", definition.contractAddress()));
            return ledger;
        } catch (RuntimeException e) {
            if (live.get(definition.name()) != connector) {
                connector.close();
            }
            throw e;
        }
    }

    private void store(RegisteredLedger ledger) {
        try {
            jdbi.useTransaction(h -> LedgerRows.insert(h, ledger));
        } catch (RuntimeException e) {
            if (StoreFailures.isUniqueViolation(e)) {
                throw taken(ledger.name());
            }
            throw e;
        }
    }

    /**
     * Removes a ledger and closes its connector.
     *
     * @throws CairnException {@code CAIRN-LEDGER-0020} when unknown, {@code 0024} while it has jobs not yet final
     */
    public void remove(String name, String actor) {
        RegisteredLedger ledger = require(name);
        long open = jobs.openCount(name);
        if (open > 0) {
            throw new CairnException(ErrorCode.LEDGER_IN_USE, "ledger '" + name + "' has " + open
                    + " anchor job(s) not yet final; remove it from its applications and let the queue drain first");
        }
        jdbi.useTransaction(h -> LedgerRows.delete(h, name));
        Optional.ofNullable(live.remove(name)).ifPresent(LedgerConnector::close);
        journal.append(event("anchoring.ledger-removed", actor, ledger));
    }

    /** Every stored ledger, by name. */
    public List<RegisteredLedger> list() {
        return jdbi.withHandle(LedgerRows::all);
    }

    /** A stored ledger. */
    public Optional<RegisteredLedger> find(String name) {
        return jdbi.withHandle(h -> LedgerRows.find(h, name));
    }

    /** A stored ledger, or {@code CAIRN-LEDGER-0020}. */
    public RegisteredLedger require(String name) {
        return find(name).orElseThrow(() -> new CairnException(ErrorCode.LEDGER_NOT_FOUND,
                "no ledger is registered as '" + name + "'"));
    }

    /** The live connector of a ledger. */
    public Optional<LedgerConnector> connector(String name) {
        return Optional.ofNullable(live.get(name));
    }

    /** Names of the ledgers with a live connector, sorted. */
    public List<String> names() {
        return live.keySet().stream().sorted().toList();
    }

    /** The anchor queue the registry checks before removals. */
    public AnchorJobs jobs() {
        return jobs;
    }

    private AuditEvent event(String type, String actor, RegisteredLedger ledger) {
        return AuditEvent.of(type, actor, "ledgers/" + ledger.name(), clock.instant())
                .withAttribute("ledger", ledger.name()).withAttribute("type", ledger.definition().type());
    }

    private static CairnException taken(String name) {
        return new CairnException(ErrorCode.LEDGER_ALREADY_REGISTERED, "a ledger named '" + name
                + "' is already registered");
    }

    /** Closes every connector. */
    @Override
    public void close() {
        live.values().forEach(LedgerConnector::close);
        live.clear();
    }
}
