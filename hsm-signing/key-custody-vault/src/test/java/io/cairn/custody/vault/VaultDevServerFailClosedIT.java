package io.cairn.custody.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fail closed against a real Vault: a token without a Transit policy, a sealed Vault and a stopped Vault
 * each give the catalogued 503 and a down health check, and the token never appears in the message.
 */
@Tag("integration")
class VaultDevServerFailClosedIT {

    @Test
    void aTokenWithoutTransitPolicySealingAndStoppingAllFailClosed() {
        try (VaultDevServer vault = VaultDevServer.start(Path.of("target", "vault-dev-fail-closed"));
             VaultKeyCustody custody = VaultKeyCustody.open(vault.options(vault.rootToken()))) {
            KeyMaterialInfo key = custody.generate(new KeySpec("fail-closed", Curve.P256));
            custody.sign(key.handle(), SigningInput.digest(new byte[32]));
            assertThat(custody.health().up()).isTrue();

            String weak = vault.tokenWithoutTransitPolicy();
            try (VaultKeyCustody unprivileged = VaultKeyCustody.open(vault.options(weak))) {
                assertUnavailable(() -> unprivileged.sign(key.handle(), SigningInput.digest(new byte[32])),
                        "refused the token", weak);
                assertUnavailable(() -> unprivileged.generate(new KeySpec("weak", Curve.P256)), "refused the token", weak);
            }

            vault.seal();
            assertUnavailable(() -> custody.sign(key.handle(), SigningInput.digest(new byte[32])), "sealed",
                    vault.rootToken());
            assertThat(custody.health().up()).isFalse();
            assertThat(custody.health().detail()).contains("sealed");

            vault.stop();
            assertUnavailable(() -> custody.sign(key.handle(), SigningInput.digest(new byte[32])), "cannot be reached",
                    vault.rootToken());
            assertThat(custody.health().up()).isFalse();
        }
    }

    private static void assertUnavailable(ThrowingCallable call, String reason, String token) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
            assertThat(e.getMessage()).contains(reason).doesNotContain(token);
        });
    }
}
