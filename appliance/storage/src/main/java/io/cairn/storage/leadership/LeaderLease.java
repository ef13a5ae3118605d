package io.cairn.storage.leadership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership of one named set of background jobs among appliance instances sharing a PostgreSQL database.
 *
 * <p>The leader holds a session-level advisory lock ({@code pg_try_advisory_lock}) on a dedicated connection
 * opened by a {@link LeaseConnector}, never a pooled one. A heartbeat thread checks every
 * {@link LeadershipSettings#heartbeat() heartbeat} that the connection is alive and still holds the lock;
 * non-leaders try to take the lock at the same pace. Leadership is lost when a heartbeat fails (the connection
 * died, the backend was terminated, the lock disappeared) and, without waiting for the heartbeat thread, as
 * soon as half the {@link LeadershipSettings#leaseTime() lease time} has passed since the last successful
 * heartbeat. The lease connection asks the server to drop it (TCP keepalives) after about the lease time
 * without traffic, so an unreachable leader has stopped considering itself leader before its lock is
 * released to another instance. A process that dies (even by {@code kill -9}) closes its socket and the
 * server releases its lock at once.
 *
 * <p>Callbacks run on the heartbeat thread, one at a time and in order: {@code onGained} after the lock is
 * taken, {@code onLost} when it is lost or released by {@link #close()}.
 */
public final class LeaderLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderLease.class);

    private final String name;
    private final long key;
    private final LeaseConnector connector;
    private final LeadershipSettings settings;
    private final Runnable onGained;
    private final Runnable onLost;
    private final ScheduledExecutorService heartbeat;
    private final Object state = new Object();
    private Connection connection;
    private volatile boolean leader;
    private volatile long lastBeatNanos;
    private boolean closed;

    private LeaderLease(String name, LeaseConnector connector, LeadershipSettings settings, Runnable onGained,
            Runnable onLost) {
        this.name = name;
        this.key = lockKey(name);
        this.connector = connector;
        this.settings = settings;
        this.onGained = onGained;
        this.onLost = onLost;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cairn-leader-lease-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts contending for the lease; the first attempt runs at once on the heartbeat thread.
     *
     * @param name      the lease's name (all instances that must not run the same jobs use the same name)
     * @param connector opens the dedicated lease connection
     * @param settings  heartbeat and lease time
     * @param onGained  called when this instance becomes leader
     * @param onLost    called when this instance stops being leader
     */
    public static LeaderLease start(String name, LeaseConnector connector, LeadershipSettings settings,
            Runnable onGained, Runnable onLost) {
        LeaderLease lease = new LeaderLease(Objects.requireNonNull(name), Objects.requireNonNull(connector),
                Objects.requireNonNull(settings), Objects.requireNonNull(onGained), Objects.requireNonNull(onLost));
        long period = settings.heartbeat().toMillis();
        lease.heartbeat.scheduleWithFixedDelay(lease::beat, 0, period, TimeUnit.MILLISECONDS);
        return lease;
    }

    /** The lease's name. */
    public String name() {
        return name;
    }

    /** The 64-bit advisory lock key derived from the name (visible in {@code pg_locks} as classid/objid). */
    public long lockKey() {
        return key;
    }

    /**
     * Whether this instance leads: it holds the lock and its last successful heartbeat is younger than half
     * the lease time.
     */
    public boolean isLeader() {
        return leader && System.nanoTime() - lastBeatNanos < settings.leaseTime().toNanos() / 2;
    }

    /**
     * Runs a job only if this instance leads at the moment it starts; a background job's scheduler calls this
     * on every tick. Returns whether the job ran.
     */
    public boolean runIfLeader(Runnable job) {
        if (!isLeader()) {
            return false;
        }
        job.run();
        return true;
    }

    /** Whether the job may go on: for long jobs to check between steps ({@code while (lease.stillLeading()...}). */
    public BooleanSupplier stillLeading() {
        return this::isLeader;
    }

    private void beat() {
        synchronized (state) {
            if (closed) {
                return;
            }
            try {
                if (connection == null) {
                    connection = connect();
                }
                if (leader) {
                    confirm();
                } else {
                    tryAcquire();
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("leader lease {}: database connection failed ({}); {}", name, e.getMessage(),
                        leader ? "leadership lost" : "will retry");
                drop();
            }
        }
    }

    private Connection connect() throws SQLException {
        Connection opened = connector.open();
        try {
            opened.setAutoCommit(true);
            long timeout = Math.max(1000, settings.leaseTime().toMillis() / 4);
            opened.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, timeout));
            long half = Math.max(1, settings.leaseTime().toSeconds() / 2);
            try (Statement statement = opened.createStatement()) {
                statement.execute("set tcp_keepalives_idle = " + half);
                statement.execute("set tcp_keepalives_interval = 1");
                statement.execute("set tcp_keepalives_count = " + half);
            }
            return opened;
        } catch (SQLException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private void tryAcquire() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            if (queryBoolean(statement)) {
                lastBeatNanos = System.nanoTime();
                leader = true;
                LOG.info("leader lease {}: this instance is now the leader", name);
                notify(onGained);
            }
        }
    }

    private void confirm() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select exists(select 1 from pg_locks"
                + " where locktype = 'advisory' and pid = pg_backend_pid() and granted"
                + " and classid::bigint = ? and objid::bigint = ? and objsubid = 1)")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFF_FFFFL);
            if (!queryBoolean(statement)) {
                throw new IllegalStateException("the advisory lock is no longer held");
            }
            lastBeatNanos = System.nanoTime();
        }
    }

    private static boolean queryBoolean(PreparedStatement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    private void drop() {
        Connection dead = connection;
        connection = null;
        if (dead != null) {
            try {
                dead.close();
            } catch (SQLException e) {
                LOG.debug("leader lease {}: closing the lease connection failed: {}", name, e.getMessage());
            }
        }
        if (leader) {
            leader = false;
            notify(onLost);
        }
    }

    private void notify(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("leader lease {}: callback failed", name, e);
        }
    }

    /** Stops contending and releases the lease (closing its connection), calling {@code onLost} if leading. */
    @Override
    public void close() {
        heartbeat.shutdown();
        synchronized (state) {
            closed = true;
            drop();
        }
        try {
            if (!heartbeat.awaitTermination(settings.leaseTime().toMillis(), TimeUnit.MILLISECONDS)) {
                heartbeat.shutdownNow();
            }
        } catch (InterruptedException e) {
            heartbeat.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The advisory lock key of a lease name: the first 8 bytes of SHA-256("cairn-leader-lease:" + name). */
    static long lockKey(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("cairn-leader-lease:" + name).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xFF);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** Heartbeat and lease time in a readable form, for logs. */
    @Override
    public String toString() {
        return "LeaderLease[" + name + ", heartbeat=" + settings.heartbeat() + ", leaseTime=" + settings.leaseTime()
                + ", leader=" + isLeader() + "]";
    }
}
