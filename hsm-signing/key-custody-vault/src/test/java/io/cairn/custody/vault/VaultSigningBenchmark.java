package io.cairn.custody.vault;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SigningInput;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Load harness (asserts nothing about speed): signatures per second through {@link VaultKeyCustody#sign}
 * against a real Vault dev server, beside the raw Transit loop of the same key in the same run (the same
 * sign request sent with {@code java.net.http}, no driver, no parsing), per curve and thread count.
 *
 * <p>Run: {@code ./mvnw -B -pl hsm-signing/key-custody-vault verify -Pbenchmark}; system properties
 * {@code bench.seconds} (default 5 per figure) and {@code bench.threads} (default {@code 1,4,16}).
 */
@Tag("benchmark")
class VaultSigningBenchmark {
    private static final int SECONDS = Integer.getInteger("bench.seconds", 5);
    private static final String THREADS = System.getProperty("bench.threads", "1,4,16");

    @Test
    void measure() throws Exception {
        List<String> rows = new ArrayList<>();
        try (VaultDevServer vault = VaultDevServer.start(Path.of("target", "vault-bench"));
             VaultKeyCustody custody = VaultKeyCustody.open(vault.options(vault.rootToken()));
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (Curve curve : List.of(Curve.P256, Curve.ED25519)) {
                KeyMaterialInfo key = custody.generate(new KeySpec("bench", curve));
                URI sign = vault.address().resolve("/v1/" + VaultDevServer.MOUNT + "/sign/"
                        + key.attestation().evidence().get("vault.key"));
                Loop custodyLoop = () -> custody.sign(key.handle(), input(curve));
                Loop rawLoop = () -> rawSign(http, sign, vault.rootToken(), curve);
                loop(custodyLoop, 4, 2);
                for (String threads : THREADS.split(",")) {
                    int n = Integer.parseInt(threads.strip());
                    rows.add(row(curve, "vault custody sign", n, loop(custodyLoop, n, SECONDS)));
                    rows.add(row(curve, "raw Transit HTTP (same key)", n, loop(rawLoop, n, SECONDS)));
                }
            }
        }
        System.out.println("\n=== Vault Transit signing (" + SECONDS + " s per figure, "
                + Runtime.getRuntime().availableProcessors() + " cores, Vault dev server on 127.0.0.1) ===");
        rows.forEach(System.out::println);
    }

    private static String row(Curve curve, String path, int threads, double perSecond) {
        return String.format("%-8s %-28s %2d threads: %,9.0f signatures/s", curve.label(), path, threads, perSecond);
    }

    private static SigningInput input(Curve curve) {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return curve.isEcdsa() ? SigningInput.digest(bytes) : SigningInput.message(bytes);
    }

    private static void rawSign(HttpClient http, URI sign, String token, Curve curve) throws Exception {
        String input = Base64.getEncoder().encodeToString(input(curve).bytes());
        String body = curve.isEcdsa()
                ? "{\"input\":\"" + input + "\",\"key_version\":1,\"prehashed\":true,\"hash_algorithm\":\"sha2-256\","
                        + "\"marshaling_algorithm\":\"asn1\"}"
                : "{\"input\":\"" + input + "\",\"key_version\":1}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(sign).header("X-Vault-Token", token)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Transit answered " + response.statusCode());
        }
    }

    /** Calls {@code loop} from {@code threads} threads for {@code seconds}; returns calls per second. */
    private static double loop(Loop loop, int threads, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        loop.once();
                        n++;
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / (double) seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One signature. */
    @FunctionalInterface
    private interface Loop {
        void once() throws Exception;
    }
}
