package io.cairn.custody.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.CustodyHealth;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Fail closed without a real Vault: unreachable, sealed, refusing the token or failing, every call is the
 * catalogued 503 and health is down; the token never appears in messages or stack traces, even when Vault's
 * own error text contains it.
 */
class VaultFailClosedTest {
    private static final String SECRET = "hvs.fail-closed-test-token-0815";
    private static final KeyHandle HANDLE = new KeyHandle("vault", "ledger.0123456789abcdef01234567:v1");

    @Test
    void anUnreachableVaultFailsClosed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (VaultKeyCustody custody = custody(URI.create("http://127.0.0.1:" + port))) {
            assertEveryCallUnavailable(custody, "cannot be reached");
        }
    }

    @Test
    void aSealedVaultFailsClosed() throws IOException {
        try (FakeVault vault = new FakeVault(503, "{\"errors\":[\"Vault is sealed\"]}");
             VaultKeyCustody custody = custody(vault.address())) {
            assertEveryCallUnavailable(custody, "sealed");
            assertThat(vault.tokens()).isNotEmpty().allMatch(SECRET::equals);
        }
    }

    @Test
    void aRefusedTokenFailsClosedWithoutEchoingIt() throws IOException {
        try (FakeVault vault = new FakeVault(403, "{\"errors\":[\"permission denied for " + SECRET + "\"]}");
             VaultKeyCustody custody = custody(vault.address())) {
            assertEveryCallUnavailable(custody, "refused the token");
            assertThatThrownBy(() -> custody.describe(HANDLE)).hasMessageContaining("permission denied for [hidden]");
        }
    }

    @Test
    void serverErrorsAndStandbyNodesFailClosed() throws IOException {
        try (FakeVault vault = new FakeVault(500, "{\"errors\":[\"internal error\"]}");
             VaultKeyCustody custody = custody(vault.address())) {
            assertEveryCallUnavailable(custody, "internal error");
            vault.answer(429, "{}");
            assertEveryCallUnavailable(custody, "standby");
        }
    }

    @Test
    void secp256k1IsRefusedAsAnUnsupportedCurve() throws IOException {
        try (FakeVault vault = new FakeVault(500, "{}"); VaultKeyCustody custody = custody(vault.address())) {
            assertThat(custody.supportedCurves()).containsExactlyInAnyOrder(Curve.P256, Curve.ED25519);
            assertCode(() -> custody.generate(new KeySpec("eth", Curve.SECP256K1)), ErrorCode.SIGN_CURVE_NOT_SUPPORTED);
            assertThat(vault.tokens()).as("refused before asking Vault").isEmpty();
        }
    }

    @Test
    void aClosedCustodyIsDownAndRefusesEverything() throws IOException {
        try (FakeVault vault = new FakeVault(200, "{}")) {
            VaultKeyCustody custody = custody(vault.address());
            custody.close();
            assertThat(custody.health().up()).isFalse();
            assertCode(() -> custody.sign(HANDLE, SigningInput.digest(new byte[32])), ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
            assertCode(() -> custody.generate(new KeySpec("k", Curve.P256)), ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
        }
    }

    private static void assertEveryCallUnavailable(VaultKeyCustody custody, String reason) {
        assertUnavailable(() -> custody.sign(HANDLE, SigningInput.digest(new byte[32])), reason);
        assertUnavailable(() -> custody.describe(HANDLE), reason);
        assertUnavailable(() -> custody.generate(new KeySpec("k", Curve.P256)), reason);
        assertUnavailable(() -> custody.rotate(HANDLE), reason);
        assertUnavailable(() -> custody.destroy(HANDLE), reason);
        CustodyHealth health = custody.health();
        assertThat(health.up()).isFalse();
        assertThat(health.backend()).isEqualTo("vault");
        assertThat(health.detail()).contains(reason).doesNotContain(SECRET);
    }

    private static void assertUnavailable(ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
            assertThat(e.error().httpStatus()).isEqualTo(503);
            assertThat(e.getMessage()).contains(reason).contains("nothing was signed");
            assertThat(stackTrace(e)).doesNotContain(SECRET);
        });
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.error()).isEqualTo(code));
    }

    private static VaultKeyCustody custody(URI address) {
        return VaultKeyCustody.open(VaultOptions.builder(address, VaultToken.of(SECRET)).allowInsecureHttp(true)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5)).build());
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
