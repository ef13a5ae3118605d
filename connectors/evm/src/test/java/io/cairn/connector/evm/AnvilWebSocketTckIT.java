package io.cairn.connector.evm;

import io.cairn.connector.spi.FinalityModel;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The connector TCK over a WebSocket to a real anvil node: EIP-1559 transactions with node-suggested fees
 * from a funded development account, depth-2 finality, reorganisations by snapshot and revert.
 */
@Tag("integration")
class AnvilWebSocketTckIT extends AnvilTck {
    /** Private key of anvil's second well-known development account. */
    private static final String ANVIL_DEV_KEY_1 = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    @BeforeAll
    static void startNode() {
        AnvilNode node = AnvilNode.start(2424);
        open(node, new SoftwareKeySigner().withHex("anchor", ANVIL_DEV_KEY_1),
                EvmLedgerConfig.builder().ledgerId("anvil-websocket")
                        .rpcUrl(URI.create(node.url().toString().replace("http://", "ws://")))
                        .transactionType(TransactionType.EIP1559).gasPolicy(GasPolicy.nodeSuggested())
                        .finality(FinalityModel.depth(2)),
                AnvilReorgs.Method.SNAPSHOT_REVERT);
    }
}
