package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.AnchorStatus;
import io.cairn.connector.spi.FinalityModel;
import io.cairn.connector.spi.HashPointer;
import io.cairn.connector.spi.LedgerHealth;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two anvil nodes with different chain ids at once: one application anchored to both, no cross-talk. */
@Tag("integration")
class TwoChainsSideBySideIT {

    private static AnvilNode chainA;
    private static AnvilNode chainB;
    private static SoftwareKeySigner signer;
    private static EvmLedgerConnector ledgerA;
    private static EvmLedgerConnector ledgerB;

    @BeforeAll
    static void startBoth() {
        chainA = AnvilNode.start(31337);
        chainB = AnvilNode.start(31338);
        signer = new SoftwareKeySigner().withHex("anchor", SoftwareKeySigner.ANVIL_DEV_KEY_0);
        ledgerA = EvmLedgerConnector.open(AnchorContractDeployer.deploy(settings("chain-a", chainA), signer), signer);
        ledgerB = EvmLedgerConnector.open(AnchorContractDeployer.deploy(settings("chain-b", chainB), signer), signer);
    }

    @AfterAll
    static void stopBoth() {
        for (AutoCloseable closeable : new AutoCloseable[] {ledgerA, ledgerB, chainA, chainB}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // keep stopping the others
            }
        }
    }

    private static EvmLedgerConfig.Builder settings(String id, AnvilNode node) {
        return EvmLedgerConfig.builder().ledgerId(id).rpcUrl(node.url()).chainId(node.chainId()).keyAlias("anchor")
                .finality(FinalityModel.bftInstant()).receiptPollInterval(Duration.ofMillis(20));
    }

    @Test
    void oneApplicationIsAnchoredToBothChains() {
        byte[] digest = new byte[32];
        new SecureRandom().nextBytes(digest);
        HashPointer pointer = new HashPointer(digest, "payments", 42);

        AnchorReceipt onA = ledgerA.anchor(pointer);
        AnchorReceipt onB = ledgerB.anchor(pointer);

        assertThat(onA.ledgerId()).isEqualTo("chain-a");
        assertThat(onB.ledgerId()).isEqualTo("chain-b");
        assertThat(onA.transactionId()).isNotEqualTo(onB.transactionId());
        assertThat(ledgerA.verifyAnchor(onA)).isInstanceOf(AnchorStatus.Final.class);
        assertThat(ledgerB.verifyAnchor(onB)).isInstanceOf(AnchorStatus.Final.class);
        assertThat(ledgerA.findAnchors(pointer)).containsExactly(onA);
        assertThat(ledgerB.findAnchors(pointer)).containsExactly(onB);
        assertThat(ledgerA.transaction(onB.transactionId())).isEmpty();
    }

    @Test
    void aReceiptFromOneChainDoesNotVerifyOnTheOther() {
        byte[] digest = new byte[32];
        new SecureRandom().nextBytes(digest);
        AnchorReceipt onA = ledgerA.anchor(new HashPointer(digest, "payments", 7));

        assertThat(ledgerB.verifyAnchor(onA)).isInstanceOfAny(AnchorStatus.Missing.class, AnchorStatus.Forked.class);
        assertThat(ledgerB.findAnchors(onA.hashPointer())).isEmpty();
    }

    @Test
    void aConnectorConfiguredForTheOtherChainIsDown() {
        EvmLedgerConfig wrongChain = ledgerA.config().toBuilder().chainId(chainB.chainId()).build();
        try (EvmLedgerConnector confused = EvmLedgerConnector.open(wrongChain, signer)) {
            LedgerHealth health = confused.health();
            assertThat(health.status()).isEqualTo(LedgerHealth.Status.DOWN);
            assertThat(health.detail()).hasValueSatisfying(d -> assertThat(d).contains("chain id"));
        }
    }
}
