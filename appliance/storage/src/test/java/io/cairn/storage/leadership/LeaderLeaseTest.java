package io.cairn.storage.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Leases contending inside one JVM, each on its own connection to a real PostgreSQL. */
@Tag("integration")
class LeaderLeaseTest {
    private static final LeadershipSettings FAST = new LeadershipSettings(Duration.ofMillis(100), Duration.ofSeconds(2));
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static LeaseConnector connector() {
        return () -> postgres.getPostgresDatabase().getConnection();
    }

    @Test
    void exactlyOneOfTwoLeadsAndTheOtherTakesOverWhenTheLeaderCloses() throws Exception {
        Counter first = new Counter();
        Counter second = new Counter();
        try (LeaderLease one = LeaderLease.start("jobs-1", connector(), FAST, first::gain, first::lose);
                LeaderLease two = LeaderLease.start("jobs-1", connector(), FAST, second::gain, second::lose)) {
            await(() -> one.isLeader() || two.isLeader());
            Thread.sleep(500);
            assertThat(one.isLeader() ^ two.isLeader()).as("exactly one leader").isTrue();
            LeaderLease leader = one.isLeader() ? one : two;
            LeaderLease follower = leader == one ? two : one;
            assertThat(follower.runIfLeader(() -> { })).isFalse();
            assertThat(leader.runIfLeader(() -> { })).isTrue();
            leader.close();
            assertThat(leader.isLeader()).isFalse();
            await(follower::isLeader);
        }
        assertThat(first.gained.get() + second.gained.get()).isEqualTo(2);
        assertThat(first.lost.get() + second.lost.get()).isEqualTo(2);
    }

    @Test
    void leaseWithDifferentNamesDoNotExcludeEachOther() throws Exception {
        try (LeaderLease one = LeaderLease.start("jobs-a", connector(), FAST, () -> { }, () -> { });
                LeaderLease two = LeaderLease.start("jobs-b", connector(), FAST, () -> { }, () -> { })) {
            await(() -> one.isLeader() && two.isLeader());
        }
        assertThat(LeaderLease.lockKey("jobs-a")).isNotEqualTo(LeaderLease.lockKey("jobs-b"))
                .isEqualTo(LeaderLease.lockKey("jobs-a"));
    }

    @Test
    void leaderNoticesWhenItsConnectionIsKilledAndLeadershipMoves() throws Exception {
        Counter counter = new Counter();
        try (LeaderLease one = LeaderLease.start("jobs-2", connector(), FAST, counter::gain, counter::lose)) {
            await(one::isLeader);
            try (LeaderLease two = LeaderLease.start("jobs-2", connector(), FAST, () -> { }, () -> { })) {
                Thread.sleep(300);
                assertThat(two.isLeader()).isFalse();
                terminateBackendHolding(one.lockKey());
                await(() -> counter.lost.get() == 1);
                await(() -> one.isLeader() || two.isLeader());
                assertThat(one.isLeader() && two.isLeader()).isFalse();
            }
        }
    }

    @Test
    void leaseTimeMustCoverThreeHeartbeats() {
        assertThatThrownBy(() -> new LeadershipSettings(Duration.ofSeconds(1), Duration.ofMillis(2999)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LeadershipSettings.OPTIONS).extracting(o -> o.key())
                .isEqualTo(List.of("storage.leadership.heartbeat", "storage.leadership.lease-time"));
    }

    private static void terminateBackendHolding(long key) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                    + " and classid::bigint = " + (key >>> 32) + " and objid::bigint = " + (key & 0xFFFF_FFFFL));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    private static final class Counter {
        final AtomicInteger gained = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();

        void gain() {
            gained.incrementAndGet();
        }

        void lose() {
            lost.incrementAndGet();
        }
    }
}
