package io.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.evm.AnchorContractAbi;
import io.cairn.connector.spi.HashPointer;
import org.junit.jupiter.api.Test;

/** The verifier's view of the anchoring contract agrees with the EVM connector that writes the anchors. */
class EvmAnchorCheckTest {
    @Test
    void theAnchoredTopicIsTheContractsEventSignature() {
        assertThat(EvmAnchorCheck.ANCHORED_TOPIC).isEqualTo(AnchorContractAbi.ANCHORED_TOPIC);
    }

    @Test
    void theApplicationWordIsTheHashPointersEncoding() {
        for (String app : new String[] {"a", "payments", "x".repeat(32), "trade-docs.v2_eu"}) {
            assertThat(EvmAnchorCheck.applicationWord(app)).isEqualTo(new HashPointer(new byte[32], app, 0)
                    .applicationBytes32());
        }
    }
}
