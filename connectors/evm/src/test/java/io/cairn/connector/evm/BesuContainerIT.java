package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * Besu-only administration calls against a real Besu node in a container. Skipped where no Docker engine
 * is available.
 */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
class BesuContainerIT {

    private static final String ACCOUNT = "0xfe3b557e8fb62b89f4916b721be55ceb828dbd73";
    private static final String OTHER = "0x627306090abab3a6e1400e9345bc60c78a8bef57";
    private static final String PERMISSIONS = "/tmp/permissions_config.toml";

    @Container
    private static final GenericContainer<?> BESU = new GenericContainer<>(
            DockerImageName.parse("hyperledger/besu:24.12.2"))
            .withCopyToContainer(Transferable.of("accounts-allowlist=[\"" + ACCOUNT + "\"]\nnodes-allowlist=[]\n",
                    0666), PERMISSIONS)
            .withCommand("--network=dev", "--rpc-http-enabled", "--rpc-http-host=0.0.0.0",
                    "--rpc-http-api=ETH,NET,WEB3,PERM,ADMIN", "--host-allowlist=*", "--min-gas-price=0",
                    "--permissions-accounts-config-file-enabled",
                    "--permissions-accounts-config-file=" + PERMISSIONS,
                    "--permissions-nodes-config-file-enabled", "--permissions-nodes-config-file=" + PERMISSIONS)
            .withExposedPorts(8545)
            .waitingFor(Wait.forHttp("/liveness").forPort(8545).withStartupTimeout(Duration.ofMinutes(3)));

    private static BesuAdmin admin() {
        URI url = URI.create("http://" + BESU.getHost() + ":" + BESU.getMappedPort(8545));
        return BesuAdmin.open(url, Map.of(), Optional.empty(), Duration.ofSeconds(10));
    }

    @Test
    void accountAllowlistRoundTrip() {
        try (BesuAdmin admin = admin()) {
            assertThat(admin.accountsAllowlist()).containsExactly(ACCOUNT);
            admin.addAccountsToAllowlist(List.of(OTHER));
            assertThat(admin.accountsAllowlist()).containsExactlyInAnyOrder(ACCOUNT, OTHER);
            admin.removeAccountsFromAllowlist(List.of(OTHER));
            assertThat(admin.accountsAllowlist()).containsExactly(ACCOUNT);
        }
    }

    @Test
    void nodeAllowlistStartsEmpty() {
        try (BesuAdmin admin = admin()) {
            assertThat(admin.nodesAllowlist()).isEmpty();
        }
    }

    @Test
    void aNamespaceTheNodeDoesNotEnableIsAnAdminFailure() {
        try (BesuAdmin admin = admin()) {
            assertThatThrownBy(() -> admin.validators(BftProtocol.QBFT)).isInstanceOfSatisfying(CairnException.class,
                    e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_ADMIN_CALL_FAILED));
        }
    }
}
