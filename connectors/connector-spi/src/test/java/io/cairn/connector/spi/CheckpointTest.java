package io.cairn.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final long SEED = Long.getLong("cairn.test.seed", 20261121L);

    @Test
    void beginningCoversNothing() {
        java.util.Random random = new java.util.Random(SEED);
        for (int i = 0; i < 500; i++) {
            long block = random.nextLong(Long.MAX_VALUE);
            long pos = random.nextLong(Long.MAX_VALUE);
            assertThat(Checkpoint.beginning().covers(block, pos)).as("seed %d case %d", SEED, i).isFalse();
        }
        assertThat(Checkpoint.beginning().covers(0, 0)).isFalse();
    }

    @Test
    void aCompleteBlockCoversExactlyItselfAndEarlierBlocks() {
        java.util.Random random = new java.util.Random(SEED);
        for (int i = 0; i < 2000; i++) {
            long cp = random.nextLong(1001);
            long block = random.nextLong(1001);
            long pos = random.nextLong(1001);
            assertThat(Checkpoint.afterBlock(cp, "0xaa").covers(block, pos)).as("seed %d case %d", SEED, i)
                    .isEqualTo(block <= cp);
        }
    }

    @Test
    void aMidBlockCheckpointCoversEventsUpToItsPosition() {
        LedgerEvent third = new LedgerEvent("l", 10, "0xbb", 2, "0xtx", "Anchored", Optional.empty(), Map.of());
        Checkpoint cp = Checkpoint.after(third);
        assertThat(cp.blockComplete()).isFalse();
        assertThat(cp.covers(10, 2)).isTrue();
        assertThat(cp.covers(10, 3)).isFalse();
        assertThat(cp.covers(9, 99)).isTrue();
        assertThat(cp.covers(11, 0)).isFalse();
    }

    @Test
    void aCheckpointInsideTheChainNamesItsBlock() {
        assertThatThrownBy(() -> new Checkpoint(3, Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(-2, Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
