package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import org.junit.jupiter.api.Test;

class HexQuantityTest {

    @Test
    void parsesWhatJavaFormats() {
        java.util.Random random = new java.util.Random(Long.getLong("cairn.test.seed", 20261121L));
        for (int i = 0; i < 2000; i++) {
            long value = i < 3 ? new long[] {0, 1, Long.MAX_VALUE}[i] : random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63);
            assertThat(HexQuantity.parse("0x" + Long.toHexString(value))).isEqualTo(value);
            assertThat(HexQuantity.parse("0X" + Long.toHexString(value).toUpperCase(java.util.Locale.ROOT))).isEqualTo(value);
        }
    }

    @Test
    void rejectsWhatIsNotAQuantity() {
        for (String bad : new String[] {null, "", "0x", "12", "0xzz", "0x1ffffffffffffffff"}) {
            assertThatThrownBy(() -> HexQuantity.parse(bad)).isInstanceOf(CairnException.class);
        }
    }
}
