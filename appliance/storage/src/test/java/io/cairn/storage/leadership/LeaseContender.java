package io.cairn.storage.leadership;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * An appliance instance reduced to what the failover test needs, run as its own JVM: it contends for the
 * lease and, while leading, runs a "checkpoint" job every 50 ms. Each run reads the last checkpoint number
 * and writes the next one, pausing in between, so two instances running the job at the same time would try
 * to write the same number; the unique constraint rejects the second and the run is recorded as a conflict.
 *
 * <p>Arguments: JDBC URL, user, password, label. Prints {@code CONTENDING} once the lease has started.
 */
final class LeaseContender {
    static final LeadershipSettings SETTINGS = new LeadershipSettings(Duration.ofMillis(200), Duration.ofSeconds(2));

    private LeaseContender() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Properties properties = new Properties();
        properties.setProperty("user", args[1]);
        properties.setProperty("password", args[2]);
        String label = args[3];
        try (Connection jobConnection = DriverManager.getConnection(url, properties);
                LeaderLease lease = LeaderLease.start("checkpointing", LeaseConnector.of(url, properties), SETTINGS,
                        () -> System.out.println("GAINED " + label), () -> System.out.println("LOST " + label))) {
            System.out.println("CONTENDING " + label);
            System.out.flush();
            while (true) {
                lease.runIfLeader(() -> checkpoint(jobConnection, label));
                Thread.sleep(50);
            }
        }
    }

    private static void checkpoint(Connection connection, String label) {
        try {
            long next;
            try (PreparedStatement last = connection.prepareStatement(
                    "select coalesce(max(tick), 0) from lease_test.runs where job = 'checkpoint'");
                    ResultSet result = last.executeQuery()) {
                result.next();
                next = result.getLong(1) + 1;
            }
            Thread.sleep(30);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into lease_test.runs(job, tick, owner) values ('checkpoint', ?, ?)")) {
                insert.setLong(1, next);
                insert.setString(2, label);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                try (PreparedStatement conflict = connection.prepareStatement(
                        "insert into lease_test.conflicts(job, tick, owner) values ('checkpoint', ?, ?)")) {
                    conflict.setLong(1, next);
                    conflict.setString(2, label);
                    conflict.executeUpdate();
                }
            }
        } catch (SQLException e) {
            System.out.println("JOB FAILED " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
