package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.spi.FinalityModel;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Validation and defaults of the EVM ledger configuration. */
class EvmLedgerConfigTest {

    private static EvmLedgerConfig.Builder valid() {
        return EvmLedgerConfig.builder().ledgerId("besu-main").rpcUrl(URI.create("https://besu.example:8545"))
                .chainId(1981).contractAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3").keyAlias("ledger-key");
    }

    @Test
    void defaultsAreDocumentedOnes() {
        EvmLedgerConfig config = valid().build();
        assertThat(config.transactionType()).isEqualTo(TransactionType.EIP1559);
        assertThat(config.finality()).isEqualTo(FinalityModel.depth(6));
        assertThat(config.gasLimit()).isEqualTo(BigInteger.valueOf(100_000));
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void headerValuesNeverAppearInToString() {
        EvmLedgerConfig config = valid().header("Authorization", "Bearer s3cret").build();
        assertThat(config.toString()).contains("Authorization").doesNotContain("s3cret");
    }

    @Test
    void invalidSettingsAreRejectedWithTheField() {
        assertField(valid().contractAddress("0x1234"), "contract-address");
        assertField(valid().chainId(0), "chain-id");
        assertField(valid().rpcUrl(URI.create("ftp://node:8546")), "rpc-url");
        assertField(valid().rpcUrl(URI.create("https://user:pw@node:8545")), "rpc-url");
        assertField(valid().ledgerId("Besu Main"), "ledger-id");
        assertField(valid().rpcUrl(URI.create("http://node:8545"))
                .tls(TlsSettings.trusting(Path.of("trust.p12"), new char[0])), "tls");
    }

    @Test
    void zeroGasPolicyPricesEverythingAtZero() {
        assertThat(GasPolicy.zero()).isEqualTo(GasPolicy.fixed(BigInteger.ZERO, BigInteger.ZERO));
        assertThatThrownBy(() -> GasPolicy.fixed(BigInteger.ONE, BigInteger.TWO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertField(EvmLedgerConfig.Builder builder, String field) {
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_INVALID_CONFIGURATION);
            assertThat(e.field()).contains(field);
        });
    }
}
