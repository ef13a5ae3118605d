package io.cairn.custody.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyAttestation;
import io.cairn.custody.spi.Protection;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;

/** Reading Transit's key description: versions, public keys, and the flags behind the attestation. */
class TransitKeyTest {

    @Test
    void aNonExportableKeyIsAttestedAsNeverLeavingVault() throws GeneralSecurityException {
        PublicKey v1 = TransitSignatureTest.p256().getPublic();
        PublicKey v2 = TransitSignatureTest.p256().getPublic();
        JsonObject data = keyData("ecdsa-p256", false, false)
                .add("keys", Json.object().add("1", version(v1)).add("2", version(v2)));
        TransitKey key = TransitKey.parse("cairn-k.0123", data).orElseThrow();
        assertThat(key.curve()).isEqualTo(Curve.P256);
        assertThat(key.latestVersion()).isEqualTo(2);
        assertThat(key.publicKey(1).orElseThrow().subjectPublicKeyInfo()).isEqualTo(v1.getEncoded());
        assertThat(key.publicKey(2).orElseThrow().subjectPublicKeyInfo()).isEqualTo(v2.getEncoded());
        assertThat(key.publicKey(3)).isEmpty();
        KeyAttestation attestation = key.attestation("transit", 2);
        assertThat(attestation.protection()).isEqualTo(Protection.SERVICE);
        assertThat(attestation.keyNeverLeavesCustody()).isTrue();
        assertThat(attestation.generatedInCustody()).isTrue();
        assertThat(attestation.evidence()).containsEntry("exportable", "false")
                .containsEntry("allow_plaintext_backup", "false").containsEntry("vault.key-version", "2")
                .containsEntry("vault.key", "cairn-k.0123").containsEntry("vault.mount", "transit");
    }

    @Test
    void exportableOrBackupableKeysAreNotNonExtractable() throws GeneralSecurityException {
        PublicKey v1 = TransitSignatureTest.p256().getPublic();
        for (boolean[] flags : new boolean[][] {{true, false}, {false, true}, {true, true}}) {
            JsonObject data = keyData("ecdsa-p256", flags[0], flags[1]).add("keys", Json.object().add("1", version(v1)));
            TransitKey key = TransitKey.parse("k", data).orElseThrow();
            assertThat(key.nonExtractable()).isFalse();
            assertThat(key.attestation("transit", 1).keyNeverLeavesCustody()).isFalse();
        }
    }

    @Test
    void missingFlagsAreReadAsTheUnsafeValue() throws GeneralSecurityException {
        JsonObject data = Json.object().add("type", "ecdsa-p256").add("latest_version", 1)
                .add("keys", Json.object().add("1", version(TransitSignatureTest.p256().getPublic())));
        assertThat(TransitKey.parse("k", data).orElseThrow().nonExtractable()).isFalse();
    }

    @Test
    void keysOfOtherTypesOrWithUnreadableVersionsAreNotOurs() throws GeneralSecurityException {
        JsonObject aes = keyData("aes256-gcm96", false, false).add("keys", Json.object().add("1", 1_700_000_000));
        assertThat(TransitKey.parse("k", aes)).isEmpty();
        JsonObject noKeys = keyData("ecdsa-p256", false, false);
        assertThat(TransitKey.parse("k", noKeys)).isEmpty();
        JsonObject badVersion = keyData("ecdsa-p256", false, false)
                .add("keys", Json.object().add("one", version(TransitSignatureTest.p256().getPublic())));
        assertThat(TransitKey.parse("k", badVersion)).isEmpty();
        JsonObject wrongCurve = keyData("ed25519", false, false)
                .add("keys", Json.object().add("1", version(TransitSignatureTest.p256().getPublic())));
        assertThat(TransitKey.parse("k", wrongCurve)).isEmpty();
    }

    private static JsonObject keyData(String type, boolean exportable, boolean backup) {
        return Json.object().add("type", type).add("latest_version", 2).add("exportable", exportable)
                .add("allow_plaintext_backup", backup).add("deletion_allowed", false).add("imported_key", false);
    }

    private static JsonObject version(PublicKey key) {
        return Json.object().add("name", "P-256").add("creation_time", "2026-11-21T08:00:00Z")
                .add("public_key", TransitPublicKeyTest.pem(key.getEncoded()));
    }
}
