package io.cairn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JurisdictionsTest {
    @Test
    void theCommittedListHasThe249OfficiallyAssignedCodes() {
        assertThat(Jurisdictions.all()).hasSize(249);
        assertThat(Jurisdictions.all().keySet()).allMatch(c -> c.matches("[A-Z]{2}"));
    }

    @Test
    void theCommittedListAgreesWithTheJdksIsoData() {
        Set<String> jdk = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
        assertThat(Jurisdictions.all().keySet()).containsExactlyInAnyOrderElementsOf(jdk);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE", "GB", "US", "CH", "SG", "SS", "CW", "SX", "BQ", "AQ", "AX"})
    void assignedCodesAreAccepted(String code) {
        assertThat(Jurisdictions.require("jurisdiction", code)).isEqualTo(code);
        assertThat(Jurisdictions.name(code)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XK", "EU", "UK", "AN", "YU", "ZZ", "de", "DEU", "D", ""})
    void unassignedReservedWithdrawnAndMalformedCodesAreRejected(String code) {
        assertThatThrownBy(() -> Jurisdictions.require("jurisdiction", code)).isInstanceOfSatisfying(CairnException.class,
                e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.MEMBER_UNKNOWN_JURISDICTION);
                    assertThat(e.field()).contains("jurisdiction");
                });
    }
}
