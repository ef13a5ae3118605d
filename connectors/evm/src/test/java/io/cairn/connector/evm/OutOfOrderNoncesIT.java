package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.spi.HashPointer;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.http.HttpService;

/** Pipelined anchors can reach the node out of nonce order; the node must still mine all of them. */
@Tag("integration")
class OutOfOrderNoncesIT {

    @Test
    void aTransactionArrivingBeforeItsPredecessorIsMinedOnceTheGapCloses() {
        try (AnvilNode anvil = AnvilNode.start(6161, "--gas-price", "0", "--base-fee", "0");
             EvmNode node = new EvmNode(new HttpService(anvil.url().toString()))) {
            SoftwareKeySigner signer = new SoftwareKeySigner().withFreshKey("k");
            EvmTransactionFactory factory = new EvmTransactionFactory(signer, "k", anvil.chainId());
            EvmTransactionFactory.Fees free = new EvmTransactionFactory.Fees(BigInteger.ZERO, BigInteger.ZERO);
            String data = AnchorContractAbi.anchorCall(new HashPointer(new byte[32], "x", 1));
            var second = factory.call(TransactionType.EIP1559, 1, free, BigInteger.valueOf(60_000),
                    factory.address(), data, "t");
            var first = factory.call(TransactionType.EIP1559, 0, free, BigInteger.valueOf(60_000),
                    factory.address(), data, "t");

            assertThat(node.sendRaw(second.rawHex()).hasError()).isFalse();
            assertThat(node.sendRaw(first.rawHex()).hasError()).isFalse();

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (node.receipt(second.hash()).isEmpty() && System.nanoTime() < deadline) {
                AnchorSubmitter.pause(Duration.ofMillis(20));
            }
            assertThat(node.receipt(first.hash())).isPresent();
            assertThat(node.receipt(second.hash())).as("queued successor mined").isPresent();
        }
    }
}
