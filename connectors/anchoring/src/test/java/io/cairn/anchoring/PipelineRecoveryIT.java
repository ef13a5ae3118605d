package io.cairn.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.AnchorStatus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery paths a real node cannot be made to take on demand, against a real PostgreSQL queue with
 * {@link ScriptedLedger}s: failing outcome calls, a submission that outlives the submit timeout, a final anchor
 * whose transaction the ledger re-included in another block, an anchor that vanished before finality.
 */
@Tag("integration")
class PipelineRecoveryIT {
    private static final AnchoringSettings SETTINGS = new AnchoringSettings(Duration.ofSeconds(5), 20, 500,
            Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMillis(300));
    @TempDir
    Path dir;
    AnchoringFixture fx;
    final Map<String, ScriptedLedger> ledgers = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        fx = new AnchoringFixture(dir, d -> ledgers.computeIfAbsent(d.name(), ScriptedLedger::new), SETTINGS);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private ScriptedLedger ledger(String name) {
        fx.registry.register(AnchoringFixture.definition(name, URI.create("http://127.0.0.1:1"), 7,
                "0x" + "ab".repeat(20)), "alice");
        return ledgers.get(name);
    }

    private AnchorJob job(String app, long seq, String ledger) {
        return fx.registry.jobs().find(app, seq, ledger).orElseThrow();
    }

    @Test
    void outcomeCallsThatFailAreRepeatedWithoutAnchoringAgain() {
        ScriptedLedger ledger = ledger("quiet");
        fx.feed.add("payments", 0, fx.clock.instant(), "quiet");
        fx.feed.failing(true);
        fx.pipeline.runOnce();
        assertThat(job("payments", 0, "quiet").state()).isEqualTo(JobState.FINAL);
        assertThat(job("payments", 0, "quiet").reported()).isFalse();

        fx.feed.failing(false);
        fx.pipeline.runOnce();
        assertThat(job("payments", 0, "quiet").reported()).isTrue();
        assertThat(fx.feed.callsFor("payments", 0, "quiet")).containsExactly("anchored", "final");
        assertThat(ledger.sends()).isEqualTo(1);
    }

    @Test
    void aSubmissionOutlivingTheTimeoutIsFoundOnTheLedgerInsteadOfSentAgain() throws Exception {
        ScriptedLedger ledger = ledger("slow");
        fx.feed.add("payments", 0, fx.clock.instant(), "slow");
        ledger.holdSends();
        fx.pipeline.runOnce();
        AnchorJob unknown = job("payments", 0, "slow");
        assertThat(unknown.state()).isEqualTo(JobState.SUBMITTING);
        assertThat(unknown.lastError()).contains("no outcome within anchoring.submit-timeout");

        ledger.release();                             // the hanging submission lands after all
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (job("payments", 0, "slow").state() != JobState.FINAL && System.nanoTime() < deadline) {
            fx.clock.advance(Duration.ofSeconds(2));
            fx.pipeline.runOnce();
            Thread.sleep(20);
        }
        assertThat(job("payments", 0, "slow").state()).isEqualTo(JobState.FINAL);
        assertThat(job("payments", 0, "slow").receipt().orElseThrow().transactionId()).isEqualTo("0xtx1");
        assertThat(ledger.sends()).isEqualTo(1);
    }

    @Test
    void aFinalAnchorReincludedElsewhereIsAlertedAndAdoptedNotResent() {
        ScriptedLedger ledger = ledger("forky");
        fx.feed.add("payments", 3, fx.clock.instant(), "forky");
        fx.pipeline.runOnce();
        AnchorReceipt first = job("payments", 3, "forky").receipt().orElseThrow();
        AnchorReceipt moved = new AnchorReceipt("forky", first.transactionId(), 150, "0xnew-block", 2,
                first.hashPointer());
        ledger.drop(first);
        ledger.add(moved);
        ledger.status(first.transactionId(), new AnchorStatus.Forked("0xnew-block", Optional.of(moved)));

        fx.clock.advance(SETTINGS.rescanInterval());
        fx.pipeline.runOnce();
        ledger.status(first.transactionId(), new AnchorStatus.Final(3));
        fx.pipeline.runOnce();

        AnchorJob job = job("payments", 3, "forky");
        assertThat(job.state()).isEqualTo(JobState.FINAL);
        assertThat(job.receipt()).contains(moved);
        assertThat(job.brokenCount()).isEqualTo(1);
        assertThat(ledger.sends()).isEqualTo(1);
        List<AuditEvent> alerts = fx.journaled("anchoring.anchor-broken");
        assertThat(alerts).singleElement().satisfies(e -> assertThat(e.attributes().get("reason"))
                .contains("re-included in block 150"));
        assertThat(fx.meters.get("cairn.anchor.verification.failures").tag("ledger", "forky").counter().count())
                .isEqualTo(1.0);
        assertThat(fx.feed.callsFor("payments", 3, "forky")).containsExactly("anchored", "final", "broken",
                "anchored", "final");
    }

    @Test
    void aBreakageWhoseOutcomeCallFailedIsAlertedOnceAndRepairedAtTheNextRun() {
        ScriptedLedger ledger = ledger("retry");
        fx.feed.add("payments", 9, fx.clock.instant(), "retry");
        fx.pipeline.runOnce();
        ledger.vanish("0xtx1");
        fx.clock.advance(SETTINGS.rescanInterval());
        fx.feed.failing(true);
        fx.pipeline.runOnce();
        assertThat(job("payments", 9, "retry").state()).isEqualTo(JobState.FINAL);
        assertThat(fx.journaled("anchoring.anchor-broken")).hasSize(1);

        fx.feed.failing(false);
        fx.clock.advance(Duration.ofMinutes(1));      // the retried alert carries another time: same key, kept once
        fx.pipeline.runOnce();
        fx.pipeline.runOnce();

        AnchorJob job = job("payments", 9, "retry");
        assertThat(job.state()).isEqualTo(JobState.FINAL);
        assertThat(job.receipt().orElseThrow().transactionId()).isEqualTo("0xtx2");
        assertThat(job.brokenCount()).isEqualTo(1);
        assertThat(ledger.sends()).isEqualTo(2);
        assertThat(fx.journaled("anchoring.anchor-broken")).hasSize(1);
        assertThat(fx.meters.get("cairn.anchor.verification.failures").tag("ledger", "retry").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void anAnchorVanishingBeforeFinalityIsAnchoredAgainWithoutAlert() {
        ScriptedLedger ledger = ledger("shaky");
        ledger.vanish("0xtx1");
        fx.feed.add("payments", 5, fx.clock.instant(), "shaky");
        fx.pipeline.runOnce();
        assertThat(job("payments", 5, "shaky").state()).isEqualTo(JobState.QUEUED);
        fx.pipeline.runOnce();

        AnchorJob job = job("payments", 5, "shaky");
        assertThat(job.state()).isEqualTo(JobState.FINAL);
        assertThat(job.receipt().orElseThrow().transactionId()).isEqualTo("0xtx2");
        assertThat(ledger.sends()).isEqualTo(2);
        assertThat(fx.journaled("anchoring.anchor-broken")).isEmpty();
        assertThat(fx.meters.get("cairn.anchor.verification.failures").tag("ledger", "shaky").counter().count())
                .isZero();
        assertThat(fx.feed.callsFor("payments", 5, "shaky")).containsExactly("anchored", "broken", "anchored",
                "final");
    }

    @Test
    void aLedgerThatIsDownKeepsItsJobsQueuedWithGrowingPausesAndOneAttemptPerRun() {
        ScriptedLedger ledger = ledger("flaky");
        for (long seq = 0; seq < 3; seq++) {
            fx.feed.add("payments", seq, fx.clock.instant(), "flaky");
        }
        ledger.down(true);
        for (int failures = 1; failures <= 6; failures++) {
            fx.pipeline.runOnce();
            AnchorJob job = job("payments", 0, "flaky");
            assertThat(job.state()).isEqualTo(JobState.QUEUED);
            assertThat(job.attempts()).isEqualTo(failures);
            assertThat(job("payments", 2, "flaky").attempts()).as("the run stopped at the first unreachable answer")
                    .isZero();
            Duration pause = Duration.between(fx.clock.instant(), job.nextAttemptAt());
            assertThat(pause).isEqualTo(SETTINGS.backoff(failures));
            fx.clock.advance(pause);
        }
        assertThat(SETTINGS.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        ledger.down(false);
        fx.pipeline.runOnce();
        for (long seq = 0; seq < 3; seq++) {
            assertThat(job("payments", seq, "flaky").state()).isEqualTo(JobState.FINAL);
        }
        assertThat(ledger.sends()).isEqualTo(3);
    }
}
