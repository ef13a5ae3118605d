package io.cairn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeiTest {
    /** Published LEIs of real organisations (GLEIF itself first). */
    static final List<String> PUBLISHED = List.of("506700GE1G29325QX363", "5493001KJTIIGC8Y1R12",
            "HWUPKR0MPOU8FGXBT394", "7LTWFZYICNSX8D621K86", "7H6GLXDRUGQFU57RNE97", "784F5XWPLTWKTBV3E584",
            "529900T8BM49AURSDO55", "549300MLUDYVRQOOXS22", "B4TYDEB6GKMZO031MB27");

    @ParameterizedTest
    @FieldSource("PUBLISHED")
    void publishedLeisAreValid(String lei) {
        assertThat(Lei.of(lei).value()).isEqualTo(lei);
    }

    @ParameterizedTest
    @FieldSource("PUBLISHED")
    void onlyOnePairOfCheckDigitsFitsTheBase(String lei) {
        String base = lei.substring(0, 18);
        int accepted = 0;
        for (int check = 0; check < 100; check++) {
            String candidate = base + String.format("%02d", check);
            try {
                Lei.of(candidate);
                accepted++;
                assertThat(candidate).isEqualTo(lei);
            } catch (CairnException e) {
                assertThat(e.error()).isEqualTo(ErrorCode.MEMBER_INVALID_LEI);
            }
        }
        assertThat(accepted).isEqualTo(1);
    }

    @ParameterizedTest
    @FieldSource("PUBLISHED")
    void everySingleDigitSubstitutionIsDetected(String lei) {
        for (int i = 0; i < lei.length(); i++) {
            if (!Character.isDigit(lei.charAt(i))) {
                continue;
            }
            for (char d = '0'; d <= '9'; d++) {
                if (d != lei.charAt(i)) {
                    String mutated = lei.substring(0, i) + d + lei.substring(i + 1);
                    assertThatThrownBy(() -> Lei.of(mutated)).as(mutated).isInstanceOfSatisfying(CairnException.class,
                            e -> assertThat(e.getMessage()).contains("check digits"));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"506700GE1G29325QX364", "506700GE1G29325QX336", "5493001KJTIIGC8Y1R21",
            "HWUPKR0MPOU8FGXBT349", "7LTWFZYICNSX8D621K68"})
    void mutatedLeisAreRejected(String lei) {
        assertThatThrownBy(() -> Lei.of(lei)).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.MEMBER_INVALID_LEI);
            assertThat(e.field()).contains("lei");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "506700ge1g29325qx363", "506700GE1G29325QX36", "506700GE1G29325QX3633",
            "506700GE1G29325QX3A3", "506700GE1G29325QX36 ", "506700GE1G-9325QX363"})
    void malformedLeisAreRejected(String lei) {
        assertThatThrownBy(() -> Lei.of(lei)).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.MEMBER_INVALID_LEI));
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> Lei.of(null)).isInstanceOf(CairnException.class);
    }
}
