package io.cairn.connector.evm;

import io.cairn.connector.spi.FinalityModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The connector TCK against a real anvil node: legacy EIP-155 transactions priced by the node, a funded
 * development account, depth-3 finality, reorganisations by snapshot and revert.
 */
@Tag("integration")
class AnvilLegacyDepthFinalityTckIT extends AnvilTck {
    @BeforeAll
    static void startNode() {
        AnvilNode node = AnvilNode.start(1337);
        open(node, new SoftwareKeySigner().withHex("anchor", SoftwareKeySigner.ANVIL_DEV_KEY_0),
                EvmLedgerConfig.builder().ledgerId("anvil-legacy").rpcUrl(node.url())
                        .transactionType(TransactionType.LEGACY).gasPolicy(GasPolicy.nodeSuggested())
                        .finality(FinalityModel.depth(3)),
                AnvilReorgs.Method.SNAPSHOT_REVERT);
    }
}
