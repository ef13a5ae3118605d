package io.cairn.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.merkle.Hash;
import io.cairn.merkle.ProofVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealing and anchoring against the embedded PostgreSQL and the real journal: racing sealers, messages whose
 * journal append never completed, and the anchor state machine.
 */
@Tag("integration")
class BlockSealingTest {
    private static final TestSigner SIGNER = TestSigner.generate();

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));

    @TempDir
    static Path dir;
    static TestStack stack;

    @BeforeAll
    static void start() {
        stack = new TestStack(dir, PayloadCipher.plaintext(), CLOCK);
        stack.senders.put("LEI-A", new Sender("LEI-A", true, List.of(SIGNER.address())));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void twoSealersRacingProduceEachBlockOnce() throws Exception {
        define("race.app", List.of(), 4);
        BlockSealer other = new BlockSealer(stack.db.jdbi(), stack.registry, stack.intake, stack.journal);
        AtomicBoolean arriving = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<VerificationBlock>>> sealers = new ArrayList<>();
            for (BlockSealer sealer : List.of(stack.sealer, other)) {
                sealers.add(pool.submit(() -> sealUntilQuiet(sealer, arriving)));
            }
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        accept("race.app", "t" + thread + "-" + i);
                    }
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
            CLOCK.advance(Duration.ofSeconds(2));
            arriving.set(false);
            List<VerificationBlock> sealed = new ArrayList<>(sealers.get(0).get());
            sealed.addAll(sealers.get(1).get());
            List<VerificationBlock> stored = stack.blocks.blocks("race.app", 0, Long.MAX_VALUE);
            assertThat(sealed).hasSameSizeAs(stored);
            assertThat(sealed.stream().map(VerificationBlock::seq).distinct().count()).isEqualTo(stored.size());
            assertChain(stored, 200);
            assertOneSealedEventPerBlock("race.app", stored);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMessageWhoseJournalAppendNeverCompletedIsJournaledBeforeSealing() {
        define("repair.app", List.of(), 10);
        byte[] payload = "{\"amount\":3,\"currency\":\"GBP\"}".getBytes(StandardCharsets.UTF_8);
        Commitment commitment = Commitment.of(payload, false);
        Instant acceptedAt = CLOCK.instant();
        stack.db.jdbi().useTransaction(h -> MessageRows.insert(h, new MessageRows.NewMessage("repair.app", "lost",
                "LEI-A", SIGNER.address(), commitment.digest(), commitment.digest(), "member-user", acceptedAt,
                Optional.empty(), PayloadCipher.plaintext().seal("repair.app", "lost", payload))));
        assertThat(stack.archive.message("repair.app", "lost").journalLeafIndex()).isEmpty();
        List<VerificationBlock> sealed = stack.sealer.sealDue(acceptedAt.plusSeconds(1));
        assertThat(sealed).hasSize(1);
        AcceptedMessage message = stack.archive.message("repair.app", "lost");
        AuditEvent event = stack.journal.entry(message.journalLeafIndex().orElseThrow()).orElseThrow().event();
        assertThat(event.type()).isEqualTo("application.message-accepted");
        assertThat(event.payloadSha256()).contains(commitment.digest().hex());
        assertThat(message.blockSeq()).contains(0L);
        assertThat(stack.blocks.digests("repair.app", 0)).singleElement().isEqualTo(commitment.digest().bytes());
    }

    @Test
    void anchorsMoveABlockThroughItsStatuses() {
        define("anchor.app", List.of("besu-main", "fabric-main"), 10);
        accept("anchor.app", "a1");
        VerificationBlock block = stack.sealer.sealDue(CLOCK.instant().plusSeconds(5)).getFirst();
        Instant at = CLOCK.instant();
        BlockAnchors anchors = stack.anchors;
        assertThat(anchors.pendingFor("besu-main", 100)).contains(new BlockPointer(block.blockHash(), "anchor.app", 0));
        assertThat(anchors.pendingFor("corda-main", 100)).isEmpty();
        anchors.recordAnchored("anchor.app", 0, "besu-main", "0xaa", 10, at);
        anchors.recordAnchored("anchor.app", 0, "besu-main", "0xaa", 10, at.plusSeconds(9));
        assertThat(status()).isEqualTo(BlockStatus.PENDING);
        assertThat(anchors.pendingFor("besu-main", 100)).extracting(BlockPointer::application).doesNotContain("anchor.app");
        anchors.recordAnchored("anchor.app", 0, "fabric-main", "tx-1", 4, at);
        assertThat(status()).isEqualTo(BlockStatus.ANCHORED);
        anchors.recordFinal("anchor.app", 0, "besu-main", "0xaa", at.plusSeconds(1));
        assertThat(status()).isEqualTo(BlockStatus.ANCHORED);
        anchors.recordFinal("anchor.app", 0, "fabric-main", "tx-1", at.plusSeconds(1));
        assertThat(status()).isEqualTo(BlockStatus.FINAL);
        anchors.recordBroken("anchor.app", 0, "besu-main", "reorg: block 10 replaced", at.plusSeconds(2));
        assertThat(status()).isEqualTo(BlockStatus.BROKEN);
        assertThat(anchors.pendingFor("besu-main", 100)).contains(new BlockPointer(block.blockHash(), "anchor.app", 0));
        assertTransitionRefused(() -> anchors.recordFinal("anchor.app", 0, "besu-main", "0xaa", at));
        anchors.recordAnchored("anchor.app", 0, "besu-main", "0xbb", 12, at.plusSeconds(3));
        assertThat(status()).isEqualTo(BlockStatus.ANCHORED);
        assertTransitionRefused(() -> anchors.recordAnchored("anchor.app", 0, "besu-main", "0xcc", 13, at));
        assertTransitionRefused(() -> anchors.recordFinal("anchor.app", 0, "fabric-main", "tx-2", at));
        assertTransitionRefused(() -> anchors.recordAnchored("anchor.app", 0, "corda-main", "x", 1, at));
        assertThatThrownBy(() -> anchors.recordAnchored("anchor.app", 7, "besu-main", "0xdd", 1, at))
                .isInstanceOf(CairnException.class).extracting(e -> ((CairnException) e).error())
                .isEqualTo(ErrorCode.JOURNAL_BLOCK_NOT_FOUND);
        List<BlockAnchor> stored = stack.blocks.anchors("anchor.app", 0);
        assertThat(stored).extracting(BlockAnchor::ledger).containsExactly("besu-main", "fabric-main");
        assertThat(stored.getFirst().txId()).isEqualTo("0xbb");
        assertThat(stored.getFirst().state()).isEqualTo(AnchorState.ANCHORED);
        assertThat(stored.get(1).state()).isEqualTo(AnchorState.FINAL);
    }

    private static BlockStatus status() {
        return stack.blocks.require("anchor.app", 0).status();
    }

    private static List<VerificationBlock> sealUntilQuiet(BlockSealer sealer, AtomicBoolean arriving) {
        List<VerificationBlock> sealed = new ArrayList<>();
        boolean last = false;
        while (!last) {
            last = !arriving.get();
            sealed.addAll(sealer.sealDue(CLOCK.instant()));
        }
        return sealed;
    }

    private static void assertChain(List<VerificationBlock> blocks, int messages) {
        ChainAssertions.assertChain(blocks, 4, messages, block -> {
            List<Hash> digests = stack.blocks.digests(block.app(), block.seq()).stream().map(Hash::of).toList();
            assertThat(BlockHashing.merkleRoot(digests)).isEqualTo(block.merkleRoot());
        });
        long unsealed = stack.db.jdbi().withHandle(h -> h.createQuery("select count(*) from blocks.messages "
                + "where app = :app and block_seq is null").bind("app", blocks.getFirst().app()).mapTo(Long.class).one());
        assertThat(unsealed).isZero();
        String someMessage = "t0-0";
        MessageProof proof = stack.blocks.proof(blocks.getFirst().app(), someMessage);
        assertThat(ProofVerifier.verifyInclusion(proof.leafIdx(), proof.treeSize(), Hash.fromBase64(proof.leafHash()),
                proof.proof().stream().map(Hash::fromBase64).toList(), Hash.fromBase64(proof.root())).isValid()).isTrue();
    }

    private static void assertOneSealedEventPerBlock(String app, List<VerificationBlock> blocks) {
        List<String> sealedHashes = new ArrayList<>();
        for (long i = 0; i < stack.journal.size(); i++) {
            AuditEvent event = stack.journal.entry(i).orElseThrow().event();
            if (event.type().equals("application.block-sealed") && app.equals(event.attributes().get("app"))) {
                sealedHashes.add(event.payloadSha256().orElseThrow());
            }
        }
        assertThat(sealedHashes).containsExactlyElementsOf(blocks.stream().map(b -> b.blockHash().hex()).toList());
    }

    private static void assertTransitionRefused(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(CairnException.class)
                .extracting(e -> ((CairnException) e).error()).isEqualTo(ErrorCode.JOURNAL_ANCHOR_TRANSITION_INVALID);
    }

    @Test
    void blocksFinalOnTwoLedgersAtTheSameMomentBecomeFinal() throws Exception {
        define("both.app", List.of("chain-a", "chain-b"), 1);
        int count = 12;
        for (int i = 0; i < count; i++) {
            accept("both.app", "b" + i);
        }
        List<VerificationBlock> sealed = stack.sealer.sealDue(CLOCK.instant().plusSeconds(5));
        assertThat(sealed).hasSize(count);
        Instant at = CLOCK.instant();
        for (VerificationBlock block : sealed) {
            for (String ledger : List.of("chain-a", "chain-b")) {
                stack.anchors.recordAnchored("both.app", block.seq(), ledger, "tx-" + ledger + block.seq(), 1, at);
            }
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (VerificationBlock block : sealed) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<BlockAnchor>> finals = new java.util.ArrayList<>();
                for (String ledger : List.of("chain-a", "chain-b")) {
                    finals.add(pool.submit(() -> {
                        together.await();
                        return stack.anchors.recordFinal("both.app", block.seq(), ledger, "tx-" + ledger + block.seq(),
                                at.plusSeconds(1));
                    }));
                }
                for (var f : finals) {
                    f.get();
                }
            }
        }
        assertThat(stack.blocks.blocks("both.app", 0, count)).hasSize(count)
                .allSatisfy(b -> assertThat(b.status()).as("block " + b.seq()).isEqualTo(BlockStatus.FINAL));
    }

    private static void define(String id, List<String> ledgers, int maxBlockSize) {
        Map<String, Object> definition = BlocksScenarioTest.app(id, ledgers, "PT1S", maxBlockSize, false);
        stack.registry.define(io.cairn.http.Json.mapper().convertValue(definition, ApplicationDefinition.class), "admin");
    }

    private static void accept(String app, String messageId) {
        byte[] payload = ("{\"amount\":" + (1 + Math.abs(messageId.hashCode() % 1000)) + ",\"currency\":\"EUR\"}")
                .getBytes(StandardCharsets.UTF_8);
        MessageIntake.Accepted accepted = stack.intake.accept(app, new MessageSubmission("LEI-A",
                Base64.getEncoder().encodeToString(payload), SIGNER.sign(payload), messageId), "member-user");
        assertThat(accepted.created()).isTrue();
    }
}
