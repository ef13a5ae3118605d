package io.cairn.connector.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FabricLedgerConfigTest {

    private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    static FabricLedgerConfig.Builder valid() {
        return FabricLedgerConfig.builder().ledgerId("fabric-1").peerEndpoint("peer0.org1.example:7051")
                .tlsRootCertificatePem(PEM).channel("cairn").mspId("Org1MSP").identityCertificatePem(PEM)
                .keyAlias("fabric-org1");
    }

    @Test
    void defaultsAreDocumented() {
        FabricLedgerConfig config = valid().build();
        assertThat(config.chaincode()).isEqualTo("cairn-anchor");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.commitTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.scanFromBlock()).isZero();
        assertThat(config.maxBatchSize()).isEqualTo(500);
        assertThat(config.tlsHostOverride()).isEmpty();
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void eachInvalidFieldIsNamed() {
        assertInvalid("ledgerId", b -> b.ledgerId("Fabric One"));
        assertInvalid("peerEndpoint", b -> b.peerEndpoint("https://peer:7051"));
        assertInvalid("peerEndpoint", b -> b.peerEndpoint("peer"));
        assertInvalid("channel", b -> b.channel("Cairn"));
        assertInvalid("chaincode", b -> b.chaincode(""));
        assertInvalid("mspId", b -> b.mspId(null));
        assertInvalid("keyAlias", b -> b.keyAlias("has space"));
        assertInvalid("tlsRootCertificatePem", b -> b.tlsRootCertificatePem("not pem"));
        assertInvalid("identityCertificatePem", b -> b.identityCertificatePem(""));
        assertInvalid("requestTimeout", b -> b.requestTimeout(Duration.ZERO));
        assertInvalid("commitTimeout", b -> b.commitTimeout(Duration.ofSeconds(-1)));
        assertInvalid("scanFromBlock", b -> b.scanFromBlock(-1));
        assertInvalid("maxBatchSize", b -> b.maxBatchSize(0));
    }

    private static void assertInvalid(String field, UnaryOperator<FabricLedgerConfig.Builder> change) {
        assertThatThrownBy(() -> change.apply(valid()).build()).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_INVALID_CONFIGURATION);
            assertThat(e.field()).contains(field);
        });
    }
}
