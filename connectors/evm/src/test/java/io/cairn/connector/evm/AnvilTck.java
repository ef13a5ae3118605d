package io.cairn.connector.evm;

import io.cairn.connector.spi.LedgerConnector;
import io.cairn.connector.tck.LedgerConnectorContract;
import io.cairn.connector.tck.ReorgSimulator;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;

/**
 * The connector TCK against a real anvil node; each subclass starts its node and connector in a static
 * {@code @BeforeAll} through {@link #open}. Test classes run one after another, so one set of fields serves
 * them all.
 */
abstract class AnvilTck extends LedgerConnectorContract {
    private static AnvilNode anvil;
    private static SoftwareKeySigner signer;
    private static EvmLedgerConnector connector;
    private static AnvilReorgs.Method reorgs;

    /**
     * Deploys the anchoring contract and opens the connector under test.
     *
     * @param node     the started node
     * @param key      the signer holding the key alias {@code anchor}
     * @param settings the variant's settings (transaction type, gas, finality)
     * @param method   how this variant simulates reorganisations
     */
    static void open(AnvilNode node, SoftwareKeySigner key, EvmLedgerConfig.Builder settings, AnvilReorgs.Method method) {
        anvil = node;
        signer = key;
        reorgs = method;
        settings.chainId(node.chainId()).keyAlias("anchor")
                .receiptPollInterval(Duration.ofMillis(50)).eventPollInterval(Duration.ofMillis(50));
        connector = EvmLedgerConnector.open(AnchorContractDeployer.deploy(settings, key), key);
    }

    @AfterAll
    static void stopNode() {
        if (connector != null) {
            connector.close();
            connector = null;
        }
        if (anvil != null) {
            anvil.close();
            anvil = null;
        }
    }

    @Override
    protected LedgerConnector connector() {
        return connector;
    }

    /** The same configuration pointed at a port where nothing listens, with the same URL scheme. */
    @Override
    protected LedgerConnector unreachableConnector() {
        String scheme = connector.config().rpcUrl().getScheme();
        try {
            return EvmLedgerConnector.open(connector.config().toBuilder()
                    .rpcUrl(URI.create(scheme + "://127.0.0.1:" + AnvilNode.freePort()))
                    .requestTimeout(Duration.ofSeconds(2))
                    .build(), signer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void produceBlocks(int blocks) {
        anvil.mine(blocks);
    }

    @Override
    protected Optional<ReorgSimulator> reorgSimulator() {
        return Optional.of(new AnvilReorgs(anvil, connector, reorgs));
    }
}
