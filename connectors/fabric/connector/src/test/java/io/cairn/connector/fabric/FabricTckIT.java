package io.cairn.connector.fabric;

import io.cairn.connector.spi.HashPointer;
import io.cairn.connector.spi.LedgerConnector;
import io.cairn.connector.tck.LedgerConnectorContract;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The connector TCK against the native Fabric network (one Raft orderer, two organisations, the anchoring
 * chaincode endorsed by both), signing through a SoftHSM P-256 key certified by Org1's CA.
 *
 * <p>No {@link io.cairn.connector.tck.ReorgSimulator} is offered: Fabric's ordering service (Raft here) cuts
 * one chain of blocks that never forks, so the TCK's two reorganisation tests are skipped by its own
 * assumption. {@link #produceBlocks} commits one anchor of a filler application per block.
 */
@Tag("integration")
class FabricTckIT extends LedgerConnectorContract {

    private static final AtomicLong FILLER = new AtomicLong();
    private static FabricTestLedger ledger;

    @BeforeAll
    static void startNetwork() throws Exception {
        ledger = FabricTestLedger.start("tck", 27250);
    }

    @AfterAll
    static void stopNetwork() throws IOException {
        FabricTestLedger.stop(ledger);
    }

    @Override
    protected LedgerConnector connector() {
        return ledger.connector();
    }

    @Override
    protected LedgerConnector unreachableConnector() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return FabricConnector.open(ledger.config().toBuilder().peerEndpoint("127.0.0.1:" + port).build(),
                ledger.signer());
    }

    @Override
    protected void produceBlocks(int blocks) {
        for (int i = 0; i < blocks; i++) {
            byte[] digest = HexFormat.of().parseHex("%064x".formatted(FILLER.incrementAndGet()));
            ledger.connector().anchor(new HashPointer(digest, "tck-filler", FILLER.get()));
        }
    }
}
