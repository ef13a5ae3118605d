package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.ConfigOption;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GeneratedDocsTest {
    private static final String REFRESH = " is stale: regenerate it with "
            + "'./mvnw -pl appliance/app verify -Dcairn.update-generated=true' and commit the result";

    @Test
    void configurationReferenceMatchesTheCode() throws IOException {
        String generated = ConfigReference.markdown(ApplianceConfig.catalogue());
        assertThat(RepositoryFiles.committed("docs/configuration.md", generated))
                .as("docs/configuration.md" + REFRESH).isEqualTo(generated);
    }

    @Test
    void errorCatalogueMatchesTheCode() throws IOException {
        String generated = ErrorReference.markdown();
        assertThat(RepositoryFiles.committed("docs/errors.md", generated)).as("docs/errors.md" + REFRESH)
                .isEqualTo(generated);
    }

    @Test
    void everyConfigurationKeyIsDocumentedAndKebabCase() {
        for (ConfigOption option : ApplianceConfig.catalogue().options()) {
            assertThat(option.description()).as(option.key()).isNotBlank();
            assertThat(option.key()).matches("[a-z0-9.-]+");
        }
    }

    @Test
    void errorCodesAreUniqueWellFormedAndCarryAnErrorStatus() {
        Pattern shape = Pattern.compile("CAIRN-[A-Z]+-\\d{4}");
        Set<String> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.code()).matches(shape);
            assertThat(seen.add(code.code())).as("duplicate " + code.code()).isTrue();
            assertThat(code.httpStatus()).isBetween(400, 599);
            assertThat(code.title()).isNotBlank();
        }
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::area).distinct())
                .contains("API", "AUTH", "STORE", "CONF", "SYS");
    }
}
