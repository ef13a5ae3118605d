package io.cairn.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.spi.FinalityModel;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerRegistrationTest {
    private static final String CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    private static LedgerRegistration registration(String name, String type, List<String> endpoints, String finality,
                                                   Optional<Integer> depth, Optional<String> auth) {
        return new LedgerRegistration(name, type, endpoints, 1981, "ledger-besu", CONTRACT, Optional.empty(), finality,
                depth, Optional.empty(), Optional.empty(), Optional.empty(), auth);
    }

    private static LedgerRegistration valid() {
        return registration("besu-1", "evm", List.of("https://besu-1.example:8545", "wss://besu-2.example:8546"),
                "depth", Optional.of(6), Optional.of("Bearer top-secret"));
    }

    private static void refused(LedgerRegistration r, ErrorCode code, String field) {
        assertThatThrownBy(r::definition).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(code);
            assertThat(e.field()).contains(field);
        });
    }

    @Test
    void aValidRegistrationBecomesADefinitionWithDefaults() {
        LedgerDefinition d = valid().definition();
        assertThat(d.endpoints()).containsExactly(URI.create("https://besu-1.example:8545"),
                URI.create("wss://besu-2.example:8546"));
        assertThat(d.finality()).isEqualTo(FinalityModel.depth(6));
        assertThat(d.finalityDepth()).isEqualTo(6);
        assertThat(d.transactionType()).isEqualTo("eip1559");
        assertThat(d.gas()).isEqualTo("node-suggested");
        assertThat(d.deploymentBlock()).isZero();
        assertThat(LedgerDefinition.finalityOf(d.finalityDepth())).isEqualTo(d.finality());
        assertThat(LedgerDefinition.finalityOf(0)).isEqualTo(FinalityModel.bftInstant());
    }

    @Test
    void theAuthorisationHeaderIsNeverPrinted() {
        assertThat(valid().definition().toString()).doesNotContain("top-secret").contains("auth header set");
        assertThat(valid().toString()).doesNotContain("top-secret");
    }

    @Test
    void invalidFieldsAreNamed() {
        refused(registration("Besu_1", "evm", List.of("http://n:8545"), "instant", Optional.empty(), Optional.empty()),
                ErrorCode.LEDGER_INVALID_CONFIGURATION, "name");
        refused(registration("b".repeat(33), "evm", List.of("http://n:8545"), "instant", Optional.empty(),
                Optional.empty()), ErrorCode.LEDGER_INVALID_CONFIGURATION, "name");
        refused(registration("b", "evm", List.of("ftp://n:21"), "instant", Optional.empty(), Optional.empty()),
                ErrorCode.LEDGER_INVALID_CONFIGURATION, "endpoints");
        refused(registration("b", "evm", List.of("http://user:pw@n:8545"), "instant", Optional.empty(),
                Optional.empty()), ErrorCode.LEDGER_INVALID_CONFIGURATION, "endpoints");
        refused(registration("b", "evm", List.of("not a url"), "instant", Optional.empty(), Optional.empty()),
                ErrorCode.LEDGER_INVALID_CONFIGURATION, "endpoints");
        refused(registration("b", "evm", List.of(), "instant", Optional.empty(), Optional.empty()),
                ErrorCode.LEDGER_INVALID_CONFIGURATION, "endpoints");
        refused(registration("b", "evm", List.of("http://n:8545"), "depth", Optional.empty(), Optional.empty()),
                ErrorCode.LEDGER_INVALID_CONFIGURATION, "finality");
        refused(registration("b", "evm", List.of("http://n:8545"), "instant", Optional.of(3), Optional.empty()),
                ErrorCode.LEDGER_INVALID_CONFIGURATION, "finality");
        refused(registration("b", "evm", List.of("http://n:8545"), "instant", Optional.empty(),
                Optional.of("Bearer x\r\nX-Injected: 1")), ErrorCode.LEDGER_INVALID_CONFIGURATION, "authHeader");
        refused(registration("b", "quorum", List.of("http://n:8545"), "instant", Optional.empty(), Optional.empty()),
                ErrorCode.LEDGER_INVALID_CONFIGURATION, "type");
    }

    @Test
    void fabricAndCordaAreNotAvailableYet() {
        for (String type : List.of("fabric", "corda")) {
            refused(registration("b", type, List.of("http://n:8545"), "instant", Optional.empty(), Optional.empty()),
                    ErrorCode.LEDGER_TYPE_UNAVAILABLE, "type");
        }
    }

    @Test
    void aBadContractAddressOrChainIdIsRefused() {
        assertThatThrownBy(() -> new LedgerDefinition("b", "evm", List.of(URI.create("http://n:1")), 0, "k", CONTRACT,
                0, FinalityModel.bftInstant(), "eip1559", "zero", Optional.empty(), Optional.empty()))
                .hasMessageContaining("chainId");
        assertThatThrownBy(() -> new LedgerDefinition("b", "evm", List.of(URI.create("http://n:1")), 1, "k", "0x12",
                0, FinalityModel.bftInstant(), "eip1559", "zero", Optional.empty(), Optional.empty()))
                .hasMessageContaining("contractAddress");
    }
}
