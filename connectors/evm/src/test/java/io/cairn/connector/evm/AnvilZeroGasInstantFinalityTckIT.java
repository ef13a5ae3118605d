package io.cairn.connector.evm;

import io.cairn.connector.spi.FinalityModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The connector TCK against a real anvil node configured like a free-gas Besu consortium chain
 * ({@code --gas-price 0 --base-fee 0}): EIP-1559 transactions at zero fees from a fresh key that holds
 * no ether, instant (BFT) finality, reorganisations with {@code anvil_reorg}.
 */
@Tag("integration")
class AnvilZeroGasInstantFinalityTckIT extends AnvilTck {
    @BeforeAll
    static void startNode() {
        AnvilNode node = AnvilNode.start(4242, "--gas-price", "0", "--base-fee", "0");
        open(node, new SoftwareKeySigner().withFreshKey("anchor"),
                EvmLedgerConfig.builder().ledgerId("anvil-zero-gas").rpcUrl(node.url())
                        .transactionType(TransactionType.EIP1559).gasPolicy(GasPolicy.zero())
                        .finality(FinalityModel.bftInstant()),
                AnvilReorgs.Method.ANVIL_REORG);
    }
}
