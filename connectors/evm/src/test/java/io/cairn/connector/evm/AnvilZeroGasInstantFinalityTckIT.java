package io.cairn.connector.evm;

import io.cairn.connector.spi.FinalityModel;
import io.cairn.connector.spi.LedgerConnector;
import io.cairn.connector.tck.LedgerConnectorContract;
import io.cairn.connector.tck.ReorgSimulator;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The connector TCK against a real anvil node configured like a free-gas Besu consortium chain
 * ({@code --gas-price 0 --base-fee 0}): EIP-1559 transactions at zero fees from a fresh key that holds
 * no ether, instant (BFT) finality, reorganisations with {@code anvil_reorg}.
 */
@Tag("integration")
class AnvilZeroGasInstantFinalityTckIT extends LedgerConnectorContract {

    private static AnvilNode anvil;
    private static SoftwareKeySigner signer;
    private static EvmLedgerConnector connector;

    @BeforeAll
    static void startNode() {
        anvil = AnvilNode.start(4242, "--gas-price", "0", "--base-fee", "0");
        signer = new SoftwareKeySigner().withFreshKey("anchor");
        EvmLedgerConfig.Builder settings = EvmLedgerConfig.builder()
                .ledgerId("anvil-zero-gas")
                .rpcUrl(anvil.url())
                .chainId(anvil.chainId())
                .keyAlias("anchor")
                .transactionType(TransactionType.EIP1559)
                .gasPolicy(GasPolicy.zero())
                .finality(FinalityModel.bftInstant())
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
        return AnvilLegacyDepthFinalityTckIT.unreachable(connector, signer);
    }

    @Override
    protected void produceBlocks(int blocks) {
        anvil.mine(blocks);
    }

    @Override
    protected Optional<ReorgSimulator> reorgSimulator() {
        return Optional.of(new AnvilReorgs(anvil, connector, AnvilReorgs.Method.ANVIL_REORG));
    }
}
