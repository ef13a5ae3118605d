package io.cairn.signing;

import io.cairn.custody.pkcs11.Pkcs11KeyCustody;
import io.cairn.custody.pkcs11.SoftHsm;
import io.cairn.custody.software.JdbcSealedKeyRepository;
import io.cairn.custody.software.MasterKey;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.SigningInput;
import io.cairn.http.ApiRouter;
import io.cairn.http.ApplianceServer;
import io.cairn.http.HttpSettings;
import io.cairn.http.Observability;
import io.cairn.journal.JournalSettings;
import io.cairn.journal.PostgresJournal;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.storage.Database;
import io.cairn.storage.SchemaMigration;
import io.cairn.storage.StorageSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Load harness (not a unit test; asserts nothing about speed): signatures per second end to end through the
 * HTTP API ({@code POST /api/v1/keys/{alias}/sign/digest} on a real Helidon listener, policy, idempotency row,
 * custody, the record in the real PostgreSQL audit journal, the stored answer) beside the raw custody loop of
 * the same key in the same run, and latency at a fixed offered rate of 1,000 requests/s (measured from each
 * request's scheduled send time, so a stall counts against every request it delays).
 *
 * <p>Run: {@code ./mvnw -B -pl hsm-signing/signing-service verify -Pbenchmark}; system properties
 * {@code bench.seconds} (default 10), {@code bench.clients} (default 16), {@code bench.rate} (default 1000),
 * {@code bench.journal=memory} to replace the PostgreSQL journal by an in-memory one (to see its share).
 */
@Tag("benchmark")
class SigningThroughputBenchmark {
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int RATE = Integer.getInteger("bench.rate", 1000);
    private final Map<String, AtomicLong> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).build();
    private ApplianceServer server;

    @Test
    void measure() throws Exception {
        Path dir = Files.createTempDirectory("cairn-signing-bench");
        StorageSettings storage = StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS),
                Map.of("data-directory", dir.toString(), "storage.pool.max-size", "24")));
        Map<String, KeyCustody> backends = new LinkedHashMap<>();
        try (Database db = Database.open(storage, List.of(SchemaMigration.of("signing"),
                SchemaMigration.of("signing_service"), PostgresJournal.MIGRATION));
             PostgresJournal journal = PostgresJournal.open(db.dataSource(), JournalSettings.defaults("cairn/bench"))) {
            backends.put("software", new SoftwareKeyCustody(new JdbcSealedKeyRepository(db.dataSource()),
                    MasterKey.random(), false, Clock.systemUTC()));
            if (SoftHsm.missing().isEmpty()) {
                backends.put("pkcs11", Pkcs11KeyCustody.open(SoftHsm.shared().options(4)));
            } else {
                System.out.println("SoftHSM2 not available: " + SoftHsm.missing().get());
            }
            boolean memory = "memory".equals(System.getProperty("bench.journal"));
            SigningService service = new SigningService(db.jdbi(), backends, memory ? new RecordingJournal() : journal,
                    SigningServiceSettings.defaults(), Clock.systemUTC());
            System.out.println("audit journal: " + (memory ? "in memory (diagnosis only)" : "PostgreSQL journal"));
            start(service);
            List<String> rows = new ArrayList<>();
            rows.addAll(run(service, backends, "software", "secp256k1"));
            if (backends.containsKey("pkcs11")) {
                rows.addAll(run(service, backends, "pkcs11", "p-256"));
            }
            System.out.println("\n=== signing service load harness (" + SECONDS + " s per figure, " + CLIENTS
                    + " HTTP clients, " + Runtime.getRuntime().availableProcessors() + " cores) ===");
            rows.forEach(System.out::println);
            System.out.println("failed requests by cause: " + failures);
        } finally {
            if (server != null) {
                server.close();
            }
            backends.values().forEach(KeyCustody::close);
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void start(SigningService service) {
        Principal operator = Fixtures.user("bench", Role.OPERATOR);
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, true, Optional.empty(), Optional.empty(), "none",
                Optional.empty(), Optional.empty(), 1 << 20, Duration.ofSeconds(5));
        ApiRouter router = new ApiRouter(service.apiServices(), c -> operator, settings,
                new Observability(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), OpenTelemetry.noop()), List.of());
        server = ApplianceServer.start(settings, Optional.empty(), router::register);
    }

    private List<String> run(SigningService service, Map<String, KeyCustody> backends, String backend, String curve) throws Exception {
        String alias = "bench-" + backend;
        ManagedKey key = service.lifecycle().create(new NewKey(alias, backend, curve, "report-seal", Optional.empty()),
                "bench");
        KeyCustody custody = backends.get(backend);
        rawLoop(custody, key.current().handle(), 2);                 // warm-up
        double raw1 = rawLoop(custody, key.current().handle(), 1);
        double raw2 = rawLoop(custody, key.current().handle(), 2);
        double inProcess = serviceLoop(service, alias, SECONDS);
        closedLoop(alias, Math.max(2, SECONDS / 3));                 // warm-up
        double[] e2e = closedLoop(alias, SECONDS);
        double[] paced = openLoop(alias, RATE, SECONDS);
        return List.of(
                String.format("%-8s %-9s raw custody loop, 1 thread       : %,10.0f signatures/s", backend, curve, raw1),
                String.format("%-8s %-9s raw custody loop, 2 threads      : %,10.0f signatures/s", backend, curve, raw2),
                String.format("%-8s %-9s service in process, %2d threads   : %,10.0f signatures/s", backend, curve,
                        CLIENTS, inProcess),
                String.format("%-8s %-9s end to end HTTP + journal, %2d cl. : %,10.0f signatures/s  (p50 %.2f ms, p99 %.2f ms, errors %.0f)",
                        backend, curve, CLIENTS, e2e[0], e2e[1], e2e[2], e2e[3]),
                String.format("%-8s %-9s end to end at %,d req/s offered  : %,10.0f completed/s   (p50 %.2f ms, p99 %.2f ms, errors %.0f)",
                        backend, curve, RATE, paced[0], paced[1], paced[2], paced[3]));
    }

    private static double rawLoop(KeyCustody custody, KeyHandle handle, int threads) throws Exception {
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(Math.max(2, SECONDS / 2)).toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    byte[] digest = new byte[32];
                    while (System.nanoTime() < end) {
                        ThreadLocalRandom.current().nextBytes(digest);
                        custody.sign(handle, SigningInput.digest(digest));
                        count.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return count.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** The same work without HTTP: {@link SigningService#sign} from CLIENTS threads. */
    private static double serviceLoop(SigningService service, String alias, int seconds) throws Exception {
        Principal operator = Fixtures.user("bench-direct", Role.OPERATOR);
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> {
                    byte[] digest = new byte[32];
                    while (System.nanoTime() < end) {
                        ThreadLocalRandom.current().nextBytes(digest);
                        service.sign(alias, operator, UUID.randomUUID().toString(),
                                new SignBody("report-seal", HexFormat.of().formatHex(digest), Optional.empty()));
                        count.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return count.get() / ((System.nanoTime() - start) / 1e9);
    }

    private HttpRequest request(String alias) {
        byte[] digest = new byte[32];
        ThreadLocalRandom.current().nextBytes(digest);
        String body = "{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"digest\":\"" + HexFormat.of().formatHex(digest)
                + "\",\"purpose\":\"report-seal\"}";
        return HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/v1/keys/" + alias + "/sign/digest"))
                .header("Authorization", "Bearer bench").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** CLIENTS callers, each sending its next request when the previous answer arrives. */
    private double[] closedLoop(String alias, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> res = client.send(request(alias), HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - t0);
                        if (res.statusCode() != 200) {
                            errors.incrementAndGet();
                            failures.computeIfAbsent(failure(res, null), k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return summary(latencies, errors.get(), (System.nanoTime() - start) / 1e9);
    }

    /** Requests sent on a fixed schedule whatever the answers do; latency counted from the scheduled time. */
    private double[] openLoop(String alias, int rate, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(client.sendAsync(request(alias), HttpResponse.BodyHandlers.ofString()).whenComplete((res, e) -> {
                latencies.add(System.nanoTime() - scheduled);
                if (e != null || res.statusCode() != 200) {
                    errors.incrementAndGet();
                    failures.computeIfAbsent(failure(res, e), k -> new AtomicLong()).incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return summary(latencies, errors.get(), (System.nanoTime() - start) / 1e9);
    }

    private static String failure(HttpResponse<String> res, Throwable e) {
        if (e != null) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName();
        }
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"code\":\"([A-Z0-9-]+)\"").matcher(res.body());
        return res.statusCode() + (code.find() ? " " + code.group(1) : "");
    }

    private static double[] summary(ConcurrentLinkedQueue<Long> latencies, long errors, double seconds) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {(sorted.length - errors) / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), errors};
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN
                : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return "SigningThroughputBenchmark" + Arrays.asList(SECONDS, CLIENTS, RATE);
    }
}
