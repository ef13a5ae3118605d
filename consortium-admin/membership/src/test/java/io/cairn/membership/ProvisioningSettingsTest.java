package io.cairn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The provisioning runner's backoff and the validation of its settings. */
class ProvisioningSettingsTest {
    private static final long SEED = Long.getLong("cairn.test.seed", System.nanoTime());

    @Test
    void backoffDoublesFromTheRetryDelayUpToTheCap() {
        ProvisioningSettings s = new ProvisioningSettings(Duration.ofMinutes(1), Duration.ofMinutes(10), 5,
                Duration.ofMinutes(15));
        assertThat(s.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(s.backoff(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.backoff(1000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void backoffMatchesExactArithmeticForRandomSettings() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            long base = 1 + random.nextInt(3600);
            long cap = base + random.nextInt(100_000);
            int attempts = 1 + random.nextInt(80);
            Duration actual = new ProvisioningSettings(Duration.ofSeconds(base), Duration.ofSeconds(cap), 10,
                    Duration.ofMinutes(1)).backoff(attempts);
            BigInteger doubled = BigInteger.valueOf(base).shiftLeft(attempts - 1);
            long expected = doubled.min(BigInteger.valueOf(cap)).longValueExact();
            assertThat(actual).as("seed %d: base %ds cap %ds attempt %d", SEED, base, cap, attempts)
                    .isEqualTo(Duration.ofSeconds(expected));
        }
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new ProvisioningSettings(Duration.ZERO, Duration.ofMinutes(1), 1, Duration.ofMinutes(1)))
                .isInstanceOf(CairnException.class).hasMessageContaining("consortium.provisioning.retry-delay");
        assertThatThrownBy(() -> new ProvisioningSettings(Duration.ofMinutes(2), Duration.ofMinutes(1), 1,
                Duration.ofMinutes(1))).isInstanceOf(CairnException.class);
        assertThatThrownBy(() -> new ProvisioningSettings(Duration.ofMinutes(1), Duration.ofMinutes(1), 0,
                Duration.ofMinutes(1))).isInstanceOf(CairnException.class);
        assertThat(ProvisioningSettings.defaults().maxAttempts()).isEqualTo(10);
        assertThat(ProvisioningSettings.OPTIONS).extracting(o -> o.key()).allMatch(k -> k.startsWith("consortium.provisioning."));
    }
}
