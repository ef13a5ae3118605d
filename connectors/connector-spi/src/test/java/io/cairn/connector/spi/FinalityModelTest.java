package io.cairn.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FinalityModelTest {

    @Test
    void depthIsFinalFromItsConfirmationCountOn() {
        for (int depth = 1; depth <= 100; depth++) {
            for (long confirmations = 0; confirmations <= 200; confirmations++) {
                assertThat(FinalityModel.depth(depth).isFinal(confirmations)).as("depth %d, %d confirmations", depth,
                        confirmations).isEqualTo(confirmations >= depth);
            }
        }
    }

    @Test
    void bftIsFinalOnceIncluded() {
        assertThat(FinalityModel.bftInstant().isFinal(0)).isFalse();
        assertThat(FinalityModel.bftInstant().isFinal(1)).isTrue();
    }

    @Test
    void depthIsAtLeastOne() {
        assertThatThrownBy(() -> FinalityModel.depth(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
