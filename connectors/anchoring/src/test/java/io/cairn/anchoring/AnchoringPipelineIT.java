package io.cairn.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.connector.evm.AnvilNode;
import io.cairn.connector.evm.EvmLedgerConnector;
import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.LedgerConnector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline end to end: real anvil nodes with different chain ids, the real EVM connector, a real
 * PostgreSQL queue; a {@link TestFeed} stands in for the verification-blocks module and the real PostgreSQL audit
 * journal records the alerts.
 */
@Tag("integration")
class AnchoringPipelineIT {
    @TempDir
    Path dir;
    AnchoringFixture fx;

    @BeforeEach
    void start() {
        fx = new AnchoringFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void blocksOfAnApplicationBecomeFinalOnBothChainsWithExactlyOneAnchorEach() {
        AnvilNode alpha = fx.anvil(31337);
        AnvilNode beta = fx.anvil(31338);
        fx.register("alpha", alpha);
        fx.register("beta", beta);
        List<PendingBlock> blocks = new ArrayList<>();
        for (long seq = 0; seq < 4; seq++) {
            blocks.add(fx.feed.add("payments", seq, fx.clock.instant().minusSeconds(40 - seq), "alpha", "beta"));
        }

        fx.drain(6);

        for (PendingBlock block : blocks) {
            for (String ledger : List.of("alpha", "beta")) {
                AnchorJob job = fx.registry.jobs().find("payments", block.seq(), ledger).orElseThrow();
                assertThat(job.state()).as(job.label()).isEqualTo(JobState.FINAL);
                assertThat(connector(ledger).findAnchors(block.pointer())).containsExactly(job.receipt().orElseThrow());
                assertThat(fx.feed.callsFor("payments", block.seq(), ledger)).containsExactly("anchored", "final");
            }
            assertThat(anchoredLogs(alpha, "alpha", block)).hasSize(1);
            assertThat(anchoredLogs(beta, "beta", block)).hasSize(1);
        }
        assertThat(gauge("cairn.anchor.queue.depth", "alpha")).isZero();
        assertThat(gauge("cairn.anchor.lag.seconds", "beta")).isZero();
    }

    @Test
    void aDeadNodeBacksOffWhileTheOtherChainProceedsAndCatchesUpWhenItReturns() throws Exception {
        AnvilNode alpha = fx.anvil(31337);
        AnvilNode beta = fx.anvil(31338);
        fx.register("alpha", alpha);
        String contract = fx.registry.register(AnchoringFixture.definition("beta", beta.url(), beta.chainId(),
                fx.deploy(beta)), "alice").definition().contractAddress();
        PendingBlock first = fx.feed.add("trade", 0, fx.clock.instant().minusSeconds(30), "alpha", "beta");

        beta.stop();
        fx.pipeline.runOnce();
        AnchorJob waiting = fx.registry.jobs().find("trade", 0, "beta").orElseThrow();
        assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).hasValueSatisfying(e -> assertThat(e).contains("CAIRN-LEDGER-0001"));
        assertThat(waiting.nextAttemptAt()).isEqualTo(fx.clock.instant().plus(Duration.ofSeconds(2)));
        assertThat(fx.registry.jobs().find("trade", 0, "alpha").orElseThrow().state()).isEqualTo(JobState.FINAL);
        assertThat(gauge("cairn.anchor.queue.depth", "beta")).isEqualTo(1);
        assertThat(gauge("cairn.anchor.lag.seconds", "beta")).isEqualTo(30);

        fx.pipeline.runOnce();                        // not due yet: no new attempt
        assertThat(fx.registry.jobs().find("trade", 0, "beta").orElseThrow().attempts()).isEqualTo(1);
        fx.clock.advance(Duration.ofSeconds(2));
        PendingBlock second = fx.feed.add("trade", 1, fx.clock.instant(), "alpha", "beta");
        fx.pipeline.runOnce();                        // due: looks for an existing anchor, fails, backs off longer
        AnchorJob again = fx.registry.jobs().find("trade", 0, "beta").orElseThrow();
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.nextAttemptAt()).isEqualTo(fx.clock.instant().plus(Duration.ofSeconds(4)));
        assertThat(fx.registry.jobs().find("trade", 1, "alpha").orElseThrow().state()).isEqualTo(JobState.FINAL);
        assertThat(gauge("cairn.anchor.queue.depth", "beta")).isEqualTo(2);
        assertThat(gauge("cairn.anchor.lag.seconds", "beta")).isEqualTo(32);

        beta.restart();                               // a fresh chain on the same port and chain id
        assertThat(fx.deploy(beta)).isEqualTo(contract);
        fx.clock.advance(Duration.ofSeconds(30));
        fx.drain(6);

        for (PendingBlock block : List.of(first, second)) {
            assertThat(fx.registry.jobs().find("trade", block.seq(), "beta").orElseThrow().state())
                    .isEqualTo(JobState.FINAL);
            assertThat(anchoredLogs(beta, "beta", block)).hasSize(1);
            assertThat(anchoredLogs(alpha, "alpha", block)).hasSize(1);
        }
        assertThat(gauge("cairn.anchor.queue.depth", "beta")).isZero();
        assertThat(gauge("cairn.anchor.lag.seconds", "beta")).isZero();
    }

    @Test
    void aJobLeftSubmittingWhoseAnchorLandedIsAdoptedNotSentAgain() {
        AnvilNode alpha = fx.anvil(31337);
        fx.register("alpha", alpha);
        PendingBlock landed = fx.feed.add("fx", 0, fx.clock.instant(), "alpha");
        PendingBlock lost = fx.feed.add("fx", 1, fx.clock.instant(), "alpha");
        AnchorJobs jobs = fx.registry.jobs();
        jobs.enqueue("alpha", List.of(landed, lost), fx.clock.instant());
        // a crash after "submitting" was committed: the first anchor reached the chain, the second never left
        jobs.markSubmitting(jobs.find("fx", 0, "alpha").orElseThrow(), fx.clock.instant());
        jobs.markSubmitting(jobs.find("fx", 1, "alpha").orElseThrow(), fx.clock.instant());
        AnchorReceipt direct = connector("alpha").anchor(landed.pointer());

        fx.pipeline.runOnce();                        // outcome still unknown: within the submit timeout
        assertThat(jobs.find("fx", 0, "alpha").orElseThrow().state()).isEqualTo(JobState.SUBMITTING);
        fx.clock.advance(AnchoringFixture.SETTINGS.submitTimeout());
        fx.drain(4);

        AnchorJob adopted = jobs.find("fx", 0, "alpha").orElseThrow();
        assertThat(adopted.state()).isEqualTo(JobState.FINAL);
        assertThat(adopted.receipt()).contains(direct);
        assertThat(adopted.attempts()).isEqualTo(1);
        assertThat(anchoredLogs(alpha, "alpha", landed)).hasSize(1);
        AnchorJob resent = jobs.find("fx", 1, "alpha").orElseThrow();
        assertThat(resent.state()).isEqualTo(JobState.FINAL);
        assertThat(resent.attempts()).isEqualTo(2);
        assertThat(anchoredLogs(alpha, "alpha", lost)).hasSize(1);
    }

    @Test
    void aReorgDroppingAFinalAnchorIsAlertedCountedAndAnchoredAgain() {
        AnvilNode alpha = fx.anvil(31337);
        fx.register("alpha", alpha);
        PendingBlock block = fx.feed.add("payments", 7, fx.clock.instant(), "alpha");
        alpha.mine(1);
        String beforeAnchor = alpha.snapshot();
        fx.drain(4);
        AnchorJob original = fx.registry.jobs().find("payments", 7, "alpha").orElseThrow();
        assertThat(original.state()).isEqualTo(JobState.FINAL);

        alpha.revert(beforeAnchor);                   // the anchor's block is gone...
        alpha.mine(3);                                // ...and other blocks took its height
        ((EvmLedgerConnector) connector("alpha")).resynchroniseNonces();
        fx.pipeline.runOnce();                        // final anchors rest for the re-scan interval
        assertThat(fx.registry.jobs().find("payments", 7, "alpha").orElseThrow().state()).isEqualTo(JobState.FINAL);
        fx.clock.advance(AnchoringFixture.SETTINGS.rescanInterval());
        fx.drain(5);

        List<AuditEvent> alerts = fx.journaled("anchoring.anchor-broken");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().attributes()).containsEntry("ledger", "alpha")
                .containsEntry("application", "payments").containsEntry("block-seq", "7")
                .containsEntry("transaction-id", original.receipt().orElseThrow().transactionId());
        assertThat(fx.meters.get("cairn.anchor.verification.failures").tag("ledger", "alpha").counter().count())
                .isEqualTo(1.0);
        AnchorJob repaired = fx.registry.jobs().find("payments", 7, "alpha").orElseThrow();
        assertThat(repaired.state()).isEqualTo(JobState.FINAL);
        assertThat(repaired.brokenCount()).isEqualTo(1);
        assertThat(repaired.receipt().orElseThrow().transactionId())
                .isNotEqualTo(original.receipt().orElseThrow().transactionId());
        assertThat(fx.feed.callsFor("payments", 7, "alpha")).containsExactly("anchored", "final", "broken",
                "anchored", "final");
        assertThat(connector("alpha").findAnchors(block.pointer())).containsExactly(repaired.receipt().orElseThrow());
        assertThat(anchoredLogs(alpha, "alpha", block)).hasSize(1);
    }

    private LedgerConnector connector(String ledger) {
        return fx.registry.connector(ledger).orElseThrow();
    }

    private double gauge(String name, String ledger) {
        return fx.meters.get(name).tag("ledger", ledger).gauge().value();
    }

    /** Every log of the ledger's contract whose first indexed topic is the block's hash, by raw eth_getLogs. */
    private List<?> anchoredLogs(AnvilNode node, String ledger, PendingBlock block) {
        String contract = fx.registry.require(ledger).definition().contractAddress();
        Map<String, Object> filter = Map.of("address", contract, "fromBlock", "0x0", "toBlock", "latest",
                "topics", Arrays.asList(null, "0x" + block.pointer().digestHex()));
        return (List<?>) node.call("eth_getLogs", filter);
    }

}
