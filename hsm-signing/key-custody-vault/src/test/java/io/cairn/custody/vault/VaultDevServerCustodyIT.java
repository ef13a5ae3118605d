package io.cairn.custody.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyAttestation;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.custody.tck.IndependentVerifier;
import io.cairn.kernel.ErrorCode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Vault custody against a real HashiCorp Vault ({@code vault server -dev}, built from the Vault Go module
 * by {@code tools/install-vault.sh}): the key custody contract, then what only Transit shows: flags read back,
 * Vault's own refusal to export, rotation with old versions still signing, names under the prefix, deletion.
 */
@Tag("integration")
class VaultDevServerCustodyIT extends TransitCustodyContract {
    private static VaultDevServer vault;

    @BeforeAll
    static void startVault() {
        vault = VaultDevServer.start(Path.of("target", "vault-dev-custody"));
    }

    @AfterAll
    static void stopVault() {
        if (vault != null) {
            vault.close();
        }
    }

    @Override
    protected VaultOptions options() {
        return vault.options(vault.rootToken());
    }

    @Test
    void offersP256AndEd25519ButNotSecp256k1() {
        assertThat(custody().supportedCurves()).containsExactlyInAnyOrder(Curve.P256, Curve.ED25519);
        assertCode(() -> custody().generate(new KeySpec("eth", Curve.SECP256K1)), ErrorCode.SIGN_CURVE_NOT_SUPPORTED);
    }

    @ParameterizedTest
    @EnumSource(value = Curve.class, names = {"P256", "ED25519"})
    void keysAreNonExportableAndVaultRefusesToExportThem(Curve curve) {
        KeyMaterialInfo key = custody().generate(new KeySpec("attested", curve));
        KeyAttestation attestation = custody().describe(key.handle()).attestation();
        assertThat(attestation.keyNeverLeavesCustody()).isTrue();
        assertThat(attestation.generatedInCustody()).isTrue();
        String transitName = attestation.evidence().get("vault.key");
        assertThat(transitName).startsWith("cairn-it-attested.");
        assertThat(attestation.evidence()).containsEntry("exportable", "false")
                .containsEntry("allow_plaintext_backup", "false").containsEntry("vault.mount", VaultDevServer.MOUNT)
                .containsEntry("type", curve == Curve.P256 ? "ecdsa-p256" : "ed25519");
        assertThat(vault.request("GET", VaultDevServer.MOUNT + "/export/signing-key/" + transitName, null, 400))
                .contains("not exportable");
        assertThat(vault.request("GET", VaultDevServer.MOUNT + "/backup/" + transitName, null, 400, 500))
                .contains("is disallowed on the policy");
    }

    @ParameterizedTest
    @EnumSource(value = Curve.class, names = {"P256", "ED25519"})
    void rotationAddsAVersionWhileOlderVersionsStillSignAndVerify(Curve curve) {
        KeyMaterialInfo v1 = custody().generate(new KeySpec("rotated", curve));
        KeyMaterialInfo v2 = custody().rotate(v1.handle());
        assertThat(v1.handle().id()).endsWith(":v1");
        assertThat(v2.handle().id()).endsWith(":v2").startsWith(v1.handle().id().replace(":v1", ""));
        assertThat(v2.publicKey()).isNotEqualTo(v1.publicKey());
        assertThat(v2.spec()).isEqualTo(v1.spec());
        assertThat(v2.attestation().evidence()).containsEntry("latest_version", "2");
        for (KeyMaterialInfo version : new KeyMaterialInfo[] {v1, v2}) {
            byte[] signed = randomBytes(32);
            SignatureValue signature = custody().sign(version.handle(), input(curve, signed));
            assertThat(IndependentVerifier.verifies(version.publicKey(), signed, signature)).isTrue();
            KeyMaterialInfo other = version == v1 ? v2 : v1;
            assertThat(IndependentVerifier.verifies(other.publicKey(), signed, signature)).isFalse();
            assertThat(reopen().describe(version.handle()).publicKey()).isEqualTo(version.publicKey());
        }
    }

    @Test
    void destroyDeletesTheTransitKeyWithAllItsVersions() {
        KeyMaterialInfo v1 = custody().generate(new KeySpec("destroyed", Curve.P256));
        KeyMaterialInfo v2 = custody().rotate(v1.handle());
        String transitName = v1.attestation().evidence().get("vault.key");
        custody().destroy(v2.handle());
        vault.request("GET", VaultDevServer.MOUNT + "/keys/" + transitName, null, 404);
        assertCode(() -> custody().sign(v1.handle(), SigningInput.digest(randomBytes(32))), ErrorCode.SIGN_KEY_DESTROYED);
        KeyCustody restarted = reopen();
        assertCode(() -> restarted.describe(v1.handle()), ErrorCode.SIGN_KEY_NOT_FOUND);
    }

    @Test
    void aKeyMadeExportableOutsideCairnNoLongerSigns() {
        KeyMaterialInfo key = custody().generate(new KeySpec("tampered", Curve.P256));
        String transitName = key.attestation().evidence().get("vault.key");
        vault.request("POST", VaultDevServer.MOUNT + "/keys/" + transitName + "/config", "{\"exportable\":true}", 200, 204);
        assertThat(custody().describe(key.handle()).attestation().keyNeverLeavesCustody()).isFalse();
        assertCode(() -> custody().sign(key.handle(), SigningInput.digest(randomBytes(32))), ErrorCode.SIGN_SIGNATURE_FAILED);
        assertCode(() -> reopen().sign(key.handle(), SigningInput.digest(randomBytes(32))), ErrorCode.SIGN_SIGNATURE_FAILED);
    }

    @Test
    void healthNamesVaultAndTheMount() {
        assertThat(custody().health().detail()).contains("unsealed").contains(VaultDevServer.MOUNT)
                .doesNotContain(vault.rootToken());
    }
}
