package io.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceSettingsTest {
    @Test
    void theEntryLimitDefaultsToOneMillionAndIsConfigurable() {
        assertThat(EvidenceSettings.from(config(Map.of())).maxEntries()).isEqualTo(1_000_000);
        assertThat(EvidenceSettings.from(config(Map.of("evidence.max-entries", "2500"))).maxEntries()).isEqualTo(2500);
        assertThatThrownBy(() -> config(Map.of("evidence.max-entries", "0"))).isInstanceOf(CairnException.class);
    }

    private static CairnConfig config(Map<String, String> values) {
        return CairnConfig.of(ConfigCatalogue.of(EvidenceSettings.OPTIONS), values);
    }
}
