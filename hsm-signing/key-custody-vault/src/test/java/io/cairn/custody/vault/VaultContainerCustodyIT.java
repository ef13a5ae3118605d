package io.cairn.custody.vault;

import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

/**
 * The key custody contract against the official {@code hashicorp/vault} image through Testcontainers, where
 * a Docker engine exists; without one the class is skipped ({@code disabledWithoutDocker}).
 */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
class VaultContainerCustodyIT extends TransitCustodyContract {
    private static final String TOKEN = "cairn-tck-root-token";

    @Container
    private static final VaultContainer<?> VAULT = new VaultContainer<>("hashicorp/vault:1.21.4")
            .withVaultToken(TOKEN)
            .withInitCommand("secrets enable -path=" + VaultDevServer.MOUNT + " transit");

    @Override
    protected VaultOptions options() {
        return VaultOptions.builder(URI.create(VAULT.getHttpHostAddress()), VaultToken.of(TOKEN))
                .allowInsecureHttp(true).mount(VaultDevServer.MOUNT).keyPrefix("cairn-tc-").build();
    }
}
