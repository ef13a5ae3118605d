package io.cairn.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.merkle.Hash;
import java.util.List;
import java.util.function.Consumer;

/** Checks that blocks form one hash chain over consecutive messages. */
final class ChainAssertions {
    private ChainAssertions() {
    }

    /**
     * Asserts that the blocks are numbered from 0, each linked to the previous one's hash, hashing to their stored
     * hash, holding 1 to {@code maxEntries} messages that continue where the previous block stopped, and together
     * exactly {@code messages} messages; {@code eachBlock} adds checks per block.
     */
    static void assertChain(List<VerificationBlock> blocks, int maxEntries, long messages,
                            Consumer<VerificationBlock> eachBlock) {
        Hash previous = BlockHashing.GENESIS_PREVIOUS;
        long next = 0;
        for (int i = 0; i < blocks.size(); i++) {
            VerificationBlock block = blocks.get(i);
            assertThat(block.seq()).isEqualTo(i);
            assertThat(block.prevBlockHash()).isEqualTo(previous);
            assertThat(block.firstMessageSeq()).isEqualTo(next);
            assertThat(block.entries()).isBetween(1, maxEntries);
            assertThat(block.hashMatches()).isTrue();
            eachBlock.accept(block);
            previous = block.blockHash();
            next = block.lastMessageSeq() + 1;
        }
        assertThat(next).isEqualTo(messages);
    }
}
