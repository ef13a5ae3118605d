package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Nonce-ordered submission of pipelined transactions. */
class SendOrderTest {

    @Test
    void transactionsSignedInAnyOrderLeaveInNonceOrder() throws InterruptedException {
        SendOrder order = new SendOrder();
        order.resetTo(10);
        List<Long> sent = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(8);
        for (long nonce = 17; nonce >= 10; nonce--) {
            long n = nonce;
            pool.execute(() -> {
                order.awaitTurn(n, Duration.ofSeconds(10));
                sent.add(n);
                order.sent(n);
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(sent).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L);
    }

    @Test
    void aNonceThatIsNeverSentBlocksOnlyForThePatience() {
        SendOrder order = new SendOrder();
        order.resetTo(0);
        long started = System.nanoTime();
        order.awaitTurn(1, Duration.ofMillis(100));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void noOrderIsImposedBeforeTheFirstReset() {
        SendOrder order = new SendOrder();
        long started = System.nanoTime();
        order.awaitTurn(5, Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void sendsAheadAreRememberedUntilTheGapCloses() {
        SendOrder order = new SendOrder();
        order.resetTo(0);
        order.sent(1);
        order.sent(2);
        order.sent(0);
        long started = System.nanoTime();
        order.awaitTurn(3, Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
