package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.connector.evm.AnchorContractDeployer;
import io.cairn.connector.evm.AnvilNode;
import io.cairn.connector.evm.EvmLedgerConfig;
import io.cairn.connector.evm.SoftwareKeySigner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * An HA pair: two appliance processes on one external PostgreSQL while clients write through both. Exactly
 * one runs the background jobs; {@code kill -9} of that one hands the jobs to the other within the lease
 * time, checkpoints go on from where they were (none twice, every one consistent with the last), every
 * verification block of an application anchored to an anvil chain is anchored exactly once whichever instance
 * led, and the journal audit finds the journal intact.
 */
@Tag("integration")
class LeaderFailoverTest {
    static final String ADMIN = "cairn_failover-bootstrap-token-0123456789abcdefghijklm";
    static final Duration LEASE = Duration.ofSeconds(3);
    static final String LEADER = "cairn_leader{lease=\"background-jobs\"} 1.0";

    @TempDir
    Path dir;

    @Test
    void killingTheLeaderHandsTheJobsToTheOtherInstance() throws Exception {
        int dbPort = Waiting.freePort();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(false).setPort(dbPort).start()) {
            Instance a = Instance.start(dir, "a", dbPort);
            a.awaitReady();
            Instance b = Instance.start(dir, "b", dbPort);
            List<Instance> both = List.of(a, b);
            try (AnvilNode chain = AnvilNode.start(31337)) {
                b.awaitReady();
                AnchoredApplication app = AnchoredApplication.define(a.http, chain);
                AtomicBoolean writing = new AtomicBoolean(true);
                AtomicInteger acknowledged = new AtomicInteger();
                List<Thread> writers = writers(both, writing, acknowledged, app);
                assertThat(Waiting.until(Duration.ofSeconds(30), () -> a.leads() || b.leads())).isTrue();
                Instance leader = a.leads() ? a : b;
                Instance follower = leader == a ? b : a;
                assertThat(follower.leads()).as("only one instance leads").isFalse();
                long before = awaitCheckpointAbove(postgres, 0);
                int anchoredBefore = app.awaitFinal(leader.http, 2);

                leader.process.destroyForcibly();
                long killed = System.nanoTime();
                assertThat(leader.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(Waiting.until(Duration.ofSeconds(60), follower::leads)).as("the follower takes over").isTrue();
                Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
                long after = awaitCheckpointAbove(postgres, checkpointedSize(postgres));
                app.awaitFinal(follower.http, anchoredBefore + 2);

                writing.set(false);
                for (Thread writer : writers) {
                    writer.join();
                }
                assertThat(takeover).as("takeover within the lease time plus two heartbeats and polling")
                        .isLessThan(LEASE.plusSeconds(3));
                assertThat(after).isGreaterThan(before);
                assertThat(follower.http.get("/api/v1/journal/audit", ADMIN).body().get("intact").asBoolean())
                        .as("journal intact after the failover").isTrue();
                assertThat(checkpointsInOrder(postgres)).as("tree sizes grow with issue time").isTrue();
                assertThat(Files.readString(follower.log, StandardCharsets.UTF_8))
                        .contains("this instance now runs the background jobs");
                int blocks = app.awaitAllFinal(follower.http);
                assertThat(app.anchorsPerBlock(chain)).as("one Anchored log per block on the chain").hasSize(blocks)
                        .allSatisfy((hash, count) -> assertThat(count).as("anchors of block " + hash).isEqualTo(1));
                System.out.printf("leader failover: lease %d s, takeover %d ms after kill -9, %d acknowledged writes,"
                        + " checkpoints at %d before and %d after, %d blocks each anchored once (%d before the kill)%n",
                        LEASE.toSeconds(), takeover.toMillis(), acknowledged.get(), before, after, blocks, anchoredBefore);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + logs(both), e);
            } finally {
                for (Instance instance : both) {
                    instance.stop();
                }
            }
        }
    }

    private static String logs(List<Instance> instances) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Instance instance : instances) {
            List<String> lines = Files.readAllLines(instance.log, StandardCharsets.UTF_8);
            all.append("\n--- last lines of ").append(instance.log.getFileName()).append('\n')
                    .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        return all.toString();
    }

    private static List<Thread> writers(List<Instance> instances, AtomicBoolean writing, AtomicInteger acknowledged,
                                        AnchoredApplication app) {
        List<Thread> writers = new ArrayList<>();
        for (Instance instance : instances) {
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; writing.get(); i++) {
                    String alias = "seal-" + instance.name + "-" + i;
                    try {
                        // a key creation is journaled (its key ceremony), so the journal grows and checkpoints follow
                        if (instance.http.post("/api/v1/keys", ADMIN, Map.of("alias", alias, "backend", "software",
                                "curve", "p-256", "purpose", "report-seal")).status() == 201) {
                            acknowledged.incrementAndGet();
                        }
                        if (app.send(instance.http, instance.name + "-" + i)) {
                            acknowledged.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        // this instance was killed: its writer stops getting answers
                    }
                }
            }));
        }
        return writers;
    }

    /** Waits for a checkpoint larger than {@code size} and returns the largest checkpointed size. */
    private static long awaitCheckpointAbove(EmbeddedPostgres postgres, long size) {
        assertThat(Waiting.until(Duration.ofSeconds(60), () -> checkpointedSize(postgres) > size))
                .as("a checkpoint above tree size " + size).isTrue();
        return checkpointedSize(postgres);
    }

    private static long checkpointedSize(EmbeddedPostgres postgres) {
        return query(postgres, "select coalesce(max(tree_size), 0) from journal.checkpoints", rs -> rs.getLong(1));
    }

    private static boolean checkpointsInOrder(EmbeddedPostgres postgres) {
        return query(postgres, "select count(*) = 0 from (select tree_size, lag(tree_size) over (order by issued_at, "
                + "tree_size) as previous from journal.checkpoints) c where previous >= tree_size", rs -> rs.getBoolean(1));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T query(EmbeddedPostgres postgres, String sql, Row<T> row) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return row.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An application anchored to one anvil chain through the pair, with a member sending signed messages, so that
     * blocks are sealed and anchored by whichever instance leads.
     */
    private record AnchoredApplication(String contract, ECKeyPair sender, String token) {
        static final String APP = "failover";
        static final String LEI = "506700GE1G29325QX363";

        static AnchoredApplication define(Http http, AnvilNode chain) throws Exception {
            String contract = AnchorContractDeployer.deploy(EvmLedgerConfig.builder().ledgerId("deploy")
                    .rpcUrl(chain.url()).chainId(chain.chainId()).keyAlias("deployer")
                    .receiptPollInterval(Duration.ofMillis(20)), new SoftwareKeySigner().withHex("deployer",
                    SoftwareKeySigner.ANVIL_DEV_KEY_0)).contractAddress();
            Http.Answer key = http.post("/api/v1/keys", ADMIN, Map.of("alias", "anchor-key", "backend", "software",
                    "curve", "secp256k1", "purpose", "ledger-transaction"));
            assertThat(key.status()).as(key.raw().body()).isEqualTo(201);
            chain.call("anvil_setBalance", key.body().get("ethereumAddress").asText(), "0x56BC75E2D63100000");
            assertThat(http.post("/api/v1/ledgers", ADMIN, Map.of("name", "chain", "type", "evm", "endpoints",
                    List.of(chain.url().toString()), "chainId", chain.chainId(), "keyAlias", "anchor-key",
                    "contractAddress", contract, "finality", "instant")).status()).isEqualTo(201);
            ECKeyPair sender = Keys.createEcKeyPair();
            MemberMessages.foundingMember(http, ADMIN, LEI, sender);
            assertThat(http.post("/api/v1/applications", ADMIN, Map.of("id", APP, "name", "Failover",
                    "messageSchema", Map.of("type", "object"), "ledgers", List.of("chain"),
                    "blockInterval", "PT1S", "maxBlockSize", 5)).status()).isEqualTo(201);
            return new AnchoredApplication(contract, sender, MemberMessages.memberToken(http, ADMIN, "bank-a"));
        }

        boolean send(Http http, String id) {
            return http.post("/api/v1/applications/" + APP + "/messages", token,
                    MemberMessages.message(sender, LEI, id, "{\"id\":\"" + id + "\"}")).status() == 201;
        }

        /** Waits until at least {@code count} blocks are final; returns how many are. */
        int awaitFinal(Http http, int count) {
            assertThat(Waiting.until(Duration.ofSeconds(90), () -> finalCount(http) >= count))
                    .as("at least " + count + " blocks final").isTrue();
            return finalCount(http);
        }

        private static int finalCount(Http http) {
            return (int) blocks(http).stream().filter(b -> b.get("status").asText().equals("final")).count();
        }

        /** Waits until every block is final and returns how many there are. */
        int awaitAllFinal(Http http) {
            assertThat(Waiting.until(Duration.ofSeconds(90), () -> blocks(http).stream()
                    .allMatch(b -> b.get("status").asText().equals("final")))).as("every block final").isTrue();
            return blocks(http).size();
        }

        private static List<JsonNode> blocks(Http http) {
            List<JsonNode> all = new ArrayList<>();
            JsonNode page;
            do {
                page = http.get("/api/v1/applications/" + APP + "/blocks?limit=1000&from=" + all.size(), ADMIN).body();
                page.get("blocks").forEach(all::add);
            } while (page.path("next").isNumber());
            return all;
        }

        /** How many Anchored events the contract emitted for each block hash (topic 1). */
        Map<String, Integer> anchorsPerBlock(AnvilNode chain) {
            Map<String, Integer> counts = new HashMap<>();
            List<?> logs = (List<?>) chain.call("eth_getLogs", Map.of("address", contract, "fromBlock", "0x0",
                    "toBlock", "latest"));
            for (Object log : logs) {
                List<?> topics = (List<?>) ((Map<?, ?>) log).get("topics");
                counts.merge(String.valueOf(topics.get(1)), 1, Integer::sum);
            }
            return counts;
        }
    }

    /** One appliance process of the pair. */
    private record Instance(String name, Process process, Http http, Path log) {
        static Instance start(Path dir, String name, int dbPort) throws IOException {
            int port = Waiting.freePort();
            Path log = dir.resolve("appliance-" + name + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), "io.cairn.appliance.cli.Main", "serve")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("CAIRN_DATA_DIRECTORY", dir.resolve("data-" + name).toString());
            env.put("CAIRN_SERVER_PORT", Integer.toString(port));
            env.put("CAIRN_SERVER_PLAINTEXT_HTTP", "true");
            env.put("CAIRN_SECURITY_BOOTSTRAP_TOKEN", ADMIN);
            env.put("CAIRN_STORAGE_MODE", "external");
            env.put("CAIRN_STORAGE_URL", "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres");
            env.put("CAIRN_STORAGE_USERNAME", "postgres");
            env.put("CAIRN_STORAGE_TLS_MODE", "disable");
            env.put("CAIRN_STORAGE_LEADERSHIP_LEASE_TIME", LEASE.toSeconds() + "s");
            env.put("CAIRN_STORAGE_LEADERSHIP_HEARTBEAT", "500ms");
            env.put("CAIRN_JOURNAL_CHECKPOINT_INTERVAL", "1s");
            env.put("CAIRN_ANCHORING_INTERVAL", "1s");
            env.put("CAIRN_SIGNING_SOFTWARE_MASTER_KEY_FILE", dir.resolve("shared-master.key").toString());
            env.put("CAIRN_LOGGING_FORMAT", "text");
            return new Instance(name, builder.start(), new Http("http://127.0.0.1:" + port), log);
        }

        void awaitReady() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("appliance " + name + " exited:\n" + Files.readString(log));
                }
                try {
                    if (http.get("/health/ready", null).status() == 200) {
                        return;
                    }
                } catch (RuntimeException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("appliance " + name + " did not become ready:\n" + Files.readString(log));
        }

        boolean leads() {
            try {
                return process.isAlive() && http.get("/metrics", null).raw().body().contains(LEADER);
            } catch (RuntimeException e) {
                return false;
            }
        }

        void stop() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
