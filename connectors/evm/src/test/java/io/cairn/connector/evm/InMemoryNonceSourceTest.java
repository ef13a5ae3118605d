package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Gap-free, pipelined nonce allocation. */
class InMemoryNonceSourceTest {

    @Test
    void nonceInUseAfterAnySequenceFillsGapsFirst() {
        long seed = Long.getLong("cairn.test.seed", 20261121L);
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 500; i++) {
            int start = random.nextInt(1001);
            List<Integer> ops = new ArrayList<>();
            int count = random.nextInt(61);
            for (int o = 0; o < count; o++) {
                ops.add(random.nextInt(10));
            }
            fillsGapsFirst(start, ops);
        }
    }

    private static void fillsGapsFirst(int start, List<Integer> ops) {
        InMemoryNonceSource source = new InMemoryNonceSource();
        source.resetTo(start);
        List<Long> inUse = new ArrayList<>();
        for (int op : ops) {
            if (op < 6 || inUse.isEmpty()) {
                inUse.add(source.allocate());
            } else {
                source.release(inUse.remove(op % inUse.size()));
            }
        }
        Set<Long> all = new HashSet<>(inUse);
        assertThat(all).hasSameSizeAs(inUse);
        long high = inUse.stream().mapToLong(Long::longValue).max().orElse(start - 1);
        long gaps = high - start + 1 - inUse.size();
        for (long i = 0; i < gaps; i++) {
            all.add(source.allocate());
        }
        for (long n = start; n <= high; n++) {
            assertThat(all).as("no gap below the highest nonce in use").contains(n);
        }
        assertThat(source.allocate()).isEqualTo(high + 1);
    }

    @Test
    void concurrentAllocationsAreDistinctAndContiguous() throws InterruptedException {
        InMemoryNonceSource source = new InMemoryNonceSource();
        source.resetTo(100);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 800; i++) {
            pool.execute(() -> seen.add(source.allocate()));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(800);
        assertThat(seen.stream().mapToLong(Long::longValue).min().orElseThrow()).isEqualTo(100);
        assertThat(seen.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(899);
    }

    @Test
    void releasingTheHighestNonceShrinksTheSequence() {
        InMemoryNonceSource source = new InMemoryNonceSource();
        source.resetTo(5);
        long a = source.allocate();
        long b = source.allocate();
        source.release(b);
        source.release(a);
        assertThat(source.allocate()).isEqualTo(5);
        assertThat(source.allocate()).isEqualTo(6);
    }

    @Test
    void resetForgetsReleasedNonces() {
        InMemoryNonceSource source = new InMemoryNonceSource();
        source.resetTo(0);
        source.allocate();
        source.allocate();
        source.release(0);
        source.resetTo(10);
        assertThat(source.allocate()).isEqualTo(10);
    }

    @Test
    void misuseIsRejected() {
        InMemoryNonceSource source = new InMemoryNonceSource();
        assertThat(source.initialised()).isFalse();
        assertThatThrownBy(source::allocate).isInstanceOf(IllegalStateException.class);
        source.resetTo(3);
        assertThatThrownBy(() -> source.release(3)).isInstanceOf(IllegalArgumentException.class);
        long n = source.allocate();
        source.allocate();
        source.release(n);
        assertThatThrownBy(() -> source.release(n)).isInstanceOf(IllegalArgumentException.class);
    }
}
