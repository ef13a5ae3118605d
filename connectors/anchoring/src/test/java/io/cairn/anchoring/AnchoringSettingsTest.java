package io.cairn.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnchoringSettingsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        AnchoringSettings read = AnchoringSettings.from(CairnConfig.of(ConfigCatalogue.of(AnchoringSettings.OPTIONS),
                Map.of()));
        assertThat(read).isEqualTo(AnchoringSettings.defaults());
        assertThat(read.rescanInterval()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void configuredValuesAreRead() {
        AnchoringSettings read = AnchoringSettings.from(CairnConfig.of(ConfigCatalogue.of(AnchoringSettings.OPTIONS),
                Map.of("anchoring.rescan-interval", "1h", "anchoring.backoff.min", "500ms", "anchoring.batch-size", "7")));
        assertThat(read.rescanInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(read.backoffMin()).isEqualTo(Duration.ofMillis(500));
        assertThat(read.batchSize()).isEqualTo(7);
    }

    @Test
    void backoffDoublesPerFailureUpToTheCap() {
        AnchoringSettings settings = new AnchoringSettings(Duration.ofSeconds(5), 20, 500, Duration.ofSeconds(2),
                Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(3));
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(settings.backoff(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void backoffNeverShrinksAndStaysWithinItsBounds() {
        Random random = new Random(11L);
        for (int round = 0; round < 200; round++) {
            Duration min = Duration.ofMillis(1 + random.nextInt(10_000));
            Duration max = min.multipliedBy(1 + random.nextInt(1000));
            AnchoringSettings settings = new AnchoringSettings(Duration.ofSeconds(1), 1, 1, min, max,
                    Duration.ofMinutes(1), Duration.ofMinutes(1));
            Duration previous = Duration.ZERO;
            for (int failures = 1; failures < 80; failures++) {
                Duration pause = settings.backoff(failures);
                assertThat(pause).isBetween(min, max).isGreaterThanOrEqualTo(previous);
                previous = pause;
            }
            assertThat(previous).isEqualTo(max);
        }
    }

    @Test
    void contradictorySettingsAreRefused() {
        assertThatThrownBy(() -> new AnchoringSettings(Duration.ofSeconds(5), 20, 500, Duration.ofMinutes(2),
                Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(3)))
                .hasMessageContaining("anchoring.backoff.max");
        assertThatThrownBy(() -> new AnchoringSettings(Duration.ofSeconds(5), 20, 500, Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(3)))
                .hasMessageContaining("anchoring.rescan-interval");
    }
}
