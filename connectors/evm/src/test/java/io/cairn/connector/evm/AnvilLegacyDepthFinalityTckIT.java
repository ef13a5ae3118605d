package io.cairn.connector.evm;

import io.cairn.connector.spi.FinalityModel;
import io.cairn.connector.spi.LedgerConnector;
import io.cairn.connector.tck.LedgerConnectorContract;
import io.cairn.connector.tck.ReorgSimulator;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The connector TCK against a real anvil node: legacy EIP-155 transactions priced by the node, a funded
 * development account, depth-3 finality, reorganisations by snapshot and revert.
 */
@Tag("integration")
class AnvilLegacyDepthFinalityTckIT extends LedgerConnectorContract {

    private static AnvilNode anvil;
    private static SoftwareKeySigner signer;
    private static EvmLedgerConnector connector;

    @BeforeAll
    static void startNode() {
        anvil = AnvilNode.start(1337);
        signer = new SoftwareKeySigner().withHex("anchor", SoftwareKeySigner.ANVIL_DEV_KEY_0);
        EvmLedgerConfig.Builder settings = EvmLedgerConfig.builder()
                .ledgerId("anvil-legacy")
                .rpcUrl(anvil.url())
                .chainId(anvil.chainId())
                .keyAlias("anchor")
                .transactionType(TransactionType.LEGACY)
                .gasPolicy(GasPolicy.nodeSuggested())
                .finality(FinalityModel.depth(3))
                .receiptPollInterval(Duration.ofMillis(50))
                .eventPollInterval(Duration.ofMillis(50));
        connector = EvmLedgerConnector.open(AnchorContractDeployer.deploy(settings, signer), signer);
    }

    @AfterAll
    static void stopNode() {
        if (connector != null) {
            connector.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @Override
    protected LedgerConnector connector() {
        return connector;
    }

    @Override
    protected LedgerConnector unreachableConnector() {
        return unreachable(connector, signer);
    }

    @Override
    protected void produceBlocks(int blocks) {
        anvil.mine(blocks);
    }

    @Override
    protected Optional<ReorgSimulator> reorgSimulator() {
        return Optional.of(new AnvilReorgs(anvil, connector, AnvilReorgs.Method.SNAPSHOT_REVERT));
    }

    /** The same configuration pointed at a port where nothing listens. */
    static LedgerConnector unreachable(EvmLedgerConnector live, SoftwareKeySigner signer) {
        try {
            return EvmLedgerConnector.open(live.config().toBuilder()
                    .rpcUrl(URI.create("http://127.0.0.1:" + AnvilNode.freePort()))
                    .requestTimeout(Duration.ofSeconds(2))
                    .build(), signer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
