package io.cairn.custody.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Pkcs11OptionsTest {
    private static final ConfigCatalogue CATALOGUE = ConfigCatalogue.of(Pkcs11Settings.OPTIONS);

    @Test
    void readsTheConfiguredToken() {
        Pkcs11Options options = Pkcs11Options.from(CairnConfig.of(CATALOGUE, Map.of(
                "signing.pkcs11.library", "/opt/hsm/lib/libvendor.so",
                "signing.pkcs11.token-label", "cairn",
                "signing.pkcs11.pin", "1234")));
        assertThat(options.library()).isEqualTo(Path.of("/opt/hsm/lib/libvendor.so"));
        assertThat(options.tokenLabel()).isEqualTo("cairn");
        assertThat(options.poolSize()).isEqualTo(4);
        assertThat(options.ed25519()).isTrue();
        assertThat(options.toString()).doesNotContain("1234");
    }

    @Test
    void libraryLabelAndPinAreRequired() {
        assertThatThrownBy(() -> Pkcs11Options.from(CairnConfig.of(CATALOGUE, Map.of(
                "signing.pkcs11.library", "/opt/hsm/lib/libvendor.so", "signing.pkcs11.pin", "1234"))))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.CONF_INCONSISTENT);
                    assertThat(e.field()).contains("signing.pkcs11.token-label");
                });
    }

    @Test
    void thePinIsSecretInTheCatalogue() {
        assertThat(Pkcs11Settings.PIN.secret()).isTrue();
    }

    @Test
    void aMissingLibraryFailsClosed() {
        Pkcs11Options options = new Pkcs11Options(Path.of("/nonexistent/libpkcs11.so"), "cairn", Pin.of("1234"), 1, true);
        assertThatThrownBy(() -> Pkcs11KeyCustody.open(options))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
                    assertThat(e.error().httpStatus()).isEqualTo(503);
                    assertThat(e.getMessage()).doesNotContain("1234");
                });
    }
}
