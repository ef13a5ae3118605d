package io.cairn.anchoring;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.connector.evm.AnchorContractDeployer;
import io.cairn.connector.evm.AnvilNode;
import io.cairn.connector.evm.EvmLedgerConfig;
import io.cairn.connector.evm.SoftwareKeySigner;
import io.cairn.connector.spi.FinalityModel;
import io.cairn.journal.JournalEntry;
import io.cairn.journal.JournalSettings;
import io.cairn.journal.PostgresJournal;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.storage.Database;
import io.cairn.storage.SchemaMigration;
import io.cairn.storage.StorageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pipeline's integration tests share: an embedded PostgreSQL with the anchoring schema, anvil nodes
 * with the {@code CairnAnchor} contract, software signers, a registry building real EVM connectors, the pipeline
 * over a {@link TestFeed}, the real PostgreSQL audit journal, a simple meter registry and a mutable clock.
 */
final class AnchoringFixture implements AutoCloseable {
    /** Anvil's second development key: deploys the contract, so a fresh chain gets it at the same address. */
    static final String DEPLOYER_KEY = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    static final AnchoringSettings SETTINGS = new AnchoringSettings(Duration.ofSeconds(5), 20, 500,
            Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(20));

    final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T09:00:00Z"));
    final SoftwareKeySigner signer = new SoftwareKeySigner().withHex("anchor", SoftwareKeySigner.ANVIL_DEV_KEY_0)
            .withHex("deployer", DEPLOYER_KEY);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TestFeed feed = new TestFeed(20260501L);
    final Database database;
    final PostgresJournal journal;
    final LedgerRegistry registry;
    final AnchoringPipeline pipeline;
    private final List<AutoCloseable> nodes = new ArrayList<>();

    /** Real EVM connectors. */
    AnchoringFixture(Path dir) {
        this(dir, null, SETTINGS);
    }

    /** Connectors from {@code factory} (EVM when null), with {@code settings}. */
    AnchoringFixture(Path dir, ConnectorFactory factory, AnchoringSettings settings) {
        database = database(dir.resolve("db"));
        journal = PostgresJournal.open(database.dataSource(), JournalSettings.defaults("test.cairn/anchoring"));
        registry = new LedgerRegistry(database.jdbi(), factory == null ? factory(dir.resolve("trust")) : factory,
                journal, clock).load();
        pipeline = new AnchoringPipeline(registry, feed, feed, journal, meters, settings, clock);
    }

    static Database database(Path dir) {
        StorageSettings storage = StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS),
                Map.of("data-directory", dir.toString())));
        return Database.open(storage, List.of(SchemaMigration.of("anchoring"), PostgresJournal.MIGRATION));
    }

    /** The events of one type the journal holds, in journal order. */
    List<AuditEvent> journaled(String type) {
        return journal.entries(0, journal.size()).stream().map(JournalEntry::event).filter(e -> e.type().equals(type))
                .toList();
    }

    /** EVM connectors with short timeouts, signing with the software signer's keys. */
    EvmConnectorFactory factory(Path trust) {
        return new EvmConnectorFactory(alias -> signer, trust, b -> b.receiptPollInterval(Duration.ofMillis(20))
                .requestTimeout(Duration.ofSeconds(2)).receiptTimeout(Duration.ofSeconds(10)));
    }

    /** Starts anvil (stopped at close). */
    AnvilNode anvil(long chainId) {
        AnvilNode node = AnvilNode.start(chainId);
        nodes.add(node);
        return node;
    }

    /** Deploys the anchoring contract with the deployer key and returns its address. */
    String deploy(AnvilNode node) {
        EvmLedgerConfig deployed = AnchorContractDeployer.deploy(EvmLedgerConfig.builder().ledgerId("deploy")
                .rpcUrl(node.url()).chainId(node.chainId()).keyAlias("deployer")
                .receiptPollInterval(Duration.ofMillis(20)), signer);
        return deployed.contractAddress();
    }

    /** A definition of an EVM ledger on {@code node} with instant finality. */
    static LedgerDefinition definition(String name, URI url, long chainId, String contract) {
        return new LedgerDefinition(name, "evm", List.of(url), chainId, "anchor", contract, 0,
                FinalityModel.bftInstant(), "eip1559", "node-suggested", Optional.empty(), Optional.empty());
    }

    /** Deploys the contract on {@code node} and registers it under {@code name}. */
    RegisteredLedger register(String name, AnvilNode node) {
        return registry.register(definition(name, node.url(), node.chainId(), deploy(node)), "alice");
    }

    /** Runs the pipeline until nothing is left to do, at most {@code rounds} times; returns the rounds used. */
    int drain(int rounds) {
        for (int i = 1; i <= rounds; i++) {
            boolean busy = pipeline.runOnce().stream().anyMatch(r -> r.queued() + r.anchored() + r.finalised()
                    + r.broken() + r.failures() > 0);
            if (!busy) {
                return i;
            }
        }
        return rounds;
    }

    @Override
    public void close() {
        registry.close();
        for (AutoCloseable node : nodes) {
            try {
                node.close();
            } catch (Exception ignored) {
                // keep stopping the others
            }
        }
        journal.close();
        database.close();
    }
}
