package io.cairn.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cairn.merkle.Hash;
import io.cairn.merkle.InMemoryTreeStore;
import io.cairn.merkle.InclusionProof;
import io.cairn.merkle.ProofGenerator;
import io.cairn.merkle.ProofVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Seeded random arrivals sealed on a one-second tick: the blocks form a hash chain, never empty, never over the
 * maximum size, sealed early only when full, and every message's proof verifies with the Merkle verifier.
 * Replay one case with {@code -Dcairn.test.seed=N}.
 */
class SealingPropertyTest {
    private static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

    @TestFactory
    List<DynamicTest> sealingAnyArrivalsYieldsAVerifiableChain() {
        long base = Long.getLong("cairn.test.seed", 20261121L);
        int cases = System.getProperty("cairn.test.seed") == null ? 60 : 1;
        return LongStream.range(base, base + cases)
                .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(new Random(seed))))
                .toList();
    }

    private static void check(Random random) {
        Application app = new Application("prop.app", "prop", JsonNodeFactory.instance.objectNode(), List.of(),
                Duration.ofSeconds(1 + random.nextInt(5)), 1 + random.nextInt(8), false, START, "test");
        List<AcceptedMessage> arrivals = arrivals(random, random.nextInt(200));
        List<VerificationBlock> blocks = new ArrayList<>();
        List<AcceptedMessage> waiting = new ArrayList<>();
        int next = 0;
        Instant end = START.plusSeconds(700);
        for (Instant tick = START; !tick.isAfter(end); tick = tick.plusSeconds(1)) {
            while (next < arrivals.size() && !arrivals.get(next).acceptedAt().isAfter(tick)) {
                waiting.add(arrivals.get(next++));
            }
            List<AcceptedMessage> head = waiting.subList(0, Math.min(waiting.size(), app.maxBlockSize()));
            while (!head.isEmpty() && BlockSealer.due(app, head, tick)) {
                VerificationBlock block = BlockSealer.build(app.id(), last(blocks), List.copyOf(head), tick);
                assertThat(block.entries() == app.maxBlockSize()
                        || !head.getFirst().acceptedAt().plus(app.blockInterval()).isAfter(tick)).isTrue();
                blocks.add(block);
                head.clear();
                head = waiting.subList(0, Math.min(waiting.size(), app.maxBlockSize()));
            }
        }
        assertThat(waiting).isEmpty();
        verifyChain(app, blocks, arrivals);
    }

    private static void verifyChain(Application app, List<VerificationBlock> blocks, List<AcceptedMessage> arrivals) {
        ChainAssertions.assertChain(blocks, app.maxBlockSize(), arrivals.size(), block -> {
            InMemoryTreeStore tree = new InMemoryTreeStore();
            List<AcceptedMessage> members = arrivals.subList((int) block.firstMessageSeq(), (int) block.lastMessageSeq() + 1);
            members.forEach(m -> tree.appendLeafHash(BlockHashing.leafHash(m.digest())));
            for (int leaf = 0; leaf < members.size(); leaf++) {
                InclusionProof proof = ProofGenerator.inclusion(tree, leaf, tree.size());
                Hash leafHash = BlockHashing.leafHash(members.get(leaf).digest());
                assertThat(ProofVerifier.verifyInclusion(leaf, tree.size(), leafHash, proof.path(), block.merkleRoot())
                        .isValid()).isTrue();
                assertThat(ProofVerifier.verifyInclusion(leaf, tree.size(), BlockHashing.leafHash(flip(members.get(leaf)
                        .digest())), proof.path(), block.merkleRoot()).isValid()).isFalse();
            }
        });
    }

    private static List<AcceptedMessage> arrivals(Random random, int count) {
        List<AcceptedMessage> out = new ArrayList<>();
        Instant at = START;
        for (int i = 0; i < count; i++) {
            at = at.plusMillis(random.nextInt(3000));
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            out.add(new AcceptedMessage("prop.app", "m" + i, i, "sender", "0x00", Hash.of(digest), "test", at,
                    Optional.of((long) i), Optional.empty(), Optional.empty()));
        }
        return out;
    }

    private static Hash flip(Hash hash) {
        byte[] bytes = hash.bytes();
        bytes[0] ^= 0x01;
        return Hash.of(bytes);
    }

    private static Optional<VerificationBlock> last(List<VerificationBlock> blocks) {
        return blocks.isEmpty() ? Optional.empty() : Optional.of(blocks.getLast());
    }
}
