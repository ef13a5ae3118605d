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
 * The connector TCK over a WebSocket to a real anvil node: EIP-1559 transactions with node-suggested fees
 * from a funded development account, depth-2 finality, reorganisations by snapshot and revert.
 */
@Tag("integration")
class AnvilWebSocketTckIT extends LedgerConnectorContract {

    /** Private key of anvil's second well-known development account. */
    private static final String ANVIL_DEV_KEY_1 = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    private static AnvilNode anvil;
    private static SoftwareKeySigner signer;
    private static EvmLedgerConnector connector;

    @BeforeAll
    static void startNode() {
        anvil = AnvilNode.start(2424);
        signer = new SoftwareKeySigner().withHex("anchor", ANVIL_DEV_KEY_1);
        EvmLedgerConfig.Builder settings = EvmLedgerConfig.builder()
                .ledgerId("anvil-websocket")
                .rpcUrl(URI.create(anvil.url().toString().replace("http://", "ws://")))
                .chainId(anvil.chainId())
                .keyAlias("anchor")
                .transactionType(TransactionType.EIP1559)
                .gasPolicy(GasPolicy.nodeSuggested())
                .finality(FinalityModel.depth(2))
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
        try {
            return EvmLedgerConnector.open(connector.config().toBuilder()
                    .rpcUrl(URI.create("ws://127.0.0.1:" + AnvilNode.freePort()))
                    .requestTimeout(Duration.ofSeconds(2)).build(), signer);
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
        return Optional.of(new AnvilReorgs(anvil, connector, AnvilReorgs.Method.SNAPSHOT_REVERT));
    }
}
