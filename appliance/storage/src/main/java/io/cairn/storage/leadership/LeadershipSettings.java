package io.cairn.storage.leadership;

import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.time.Duration;
import java.util.List;

/**
 * Timing of the {@link LeaderLease}.
 *
 * @param heartbeat how often the lease connection is checked (and the lock tried by non-leaders)
 * @param leaseTime the longest time an instance may go on believing it leads without a successful heartbeat;
 *                  also bounds how long the database keeps the lock of an unreachable leader
 */
public record LeadershipSettings(Duration heartbeat, Duration leaseTime) {

    /** Heartbeat interval. */
    public static final ConfigOption HEARTBEAT = ConfigOption.duration("storage.leadership.heartbeat", "1s",
            "How often the instance that leads background jobs checks its lease connection, and how often the "
                    + "other instances try to take the lease.");
    /** Lease time. */
    public static final ConfigOption LEASE_TIME = ConfigOption.duration("storage.leadership.lease-time", "10s",
            "Longest time a leader keeps leading without a successful heartbeat; the database drops the lease "
                    + "of an unreachable leader after about this time, and another instance takes over.");

    /** Every leadership option. */
    public static final List<ConfigOption> OPTIONS = List.of(HEARTBEAT, LEASE_TIME);

    /** Checks that the lease time leaves room for at least three heartbeats. */
    public LeadershipSettings {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive: " + heartbeat);
        }
        if (leaseTime.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("lease time " + leaseTime + " must be at least three heartbeats ("
                    + heartbeat + ")");
        }
    }

    /** Reads the settings from validated configuration. */
    public static LeadershipSettings from(CairnConfig config) {
        return new LeadershipSettings(config.duration(HEARTBEAT), config.duration(LEASE_TIME));
    }
}
