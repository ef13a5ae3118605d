package io.cairn.custody.vault;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.KeyAttestation;
import io.cairn.custody.spi.Protection;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What Transit reports about one key ({@code GET <mount>/keys/<name>}): its type, the public key of every
 * version still kept, and the flags that decide whether the private key can ever leave Vault.
 *
 * @param transitName          the Transit key name, prefix included
 * @param type                 the key type
 * @param publicKeys           public key by version (versions trimmed by Vault are absent)
 * @param latestVersion        the version new signatures would use by default
 * @param exportable           whether Transit would export the private key ({@code exportable})
 * @param allowPlaintextBackup whether Transit would back the key up in plaintext ({@code allow_plaintext_backup})
 * @param deletionAllowed      whether the key may be deleted now
 * @param imported             whether the key was imported rather than generated in Vault
 */
record TransitKey(String transitName, TransitKeyType type, Map<Integer, EncodedPublicKey> publicKeys,
        int latestVersion, boolean exportable, boolean allowPlaintextBackup, boolean deletionAllowed,
        boolean imported) {

    /** Copies the public keys into an ordered, immutable map. */
    TransitKey {
        publicKeys = java.util.Collections.unmodifiableMap(new TreeMap<>(publicKeys));
    }

    /**
     * Reads the {@code data} object of Transit's answer; empty when the key is not of a type this backend
     * uses or a public key cannot be read.
     */
    static Optional<TransitKey> parse(String transitName, JsonObject data) {
        Optional<TransitKeyType> type = TransitKeyType.fromVaultName(data.getString("type", ""));
        JsonValue keys = data.get("keys");
        if (type.isEmpty() || keys == null || !keys.isObject()) {
            return Optional.empty();
        }
        Map<Integer, EncodedPublicKey> publicKeys = new TreeMap<>();
        for (JsonObject.Member version : keys.asObject()) {
            Optional<EncodedPublicKey> key = publicKey(type.get().curve(), version.getValue());
            if (key.isEmpty() || !version.getName().matches("[1-9][0-9]{0,8}")) {
                return Optional.empty();
            }
            publicKeys.put(Integer.parseInt(version.getName()), key.get());
        }
        return Optional.of(new TransitKey(transitName, type.get(), publicKeys, data.getInt("latest_version", 0),
                data.getBoolean("exportable", true), data.getBoolean("allow_plaintext_backup", true),
                data.getBoolean("deletion_allowed", false), data.getBoolean("imported_key", false)));
    }

    /** The key's curve. */
    Curve curve() {
        return type.curve();
    }

    /** The public key of {@code version}, when Transit still keeps that version. */
    Optional<EncodedPublicKey> publicKey(int version) {
        return Optional.ofNullable(publicKeys.get(version));
    }

    /** Whether Transit refuses to hand out the private key in any form: not exportable, no plaintext backup. */
    boolean nonExtractable() {
        return !exportable && !allowPlaintextBackup;
    }

    /** The attestation of {@code version}, with the flags as Transit reported them. */
    KeyAttestation attestation(String mount, int version) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("vault.mount", mount);
        evidence.put("vault.key", transitName);
        evidence.put("vault.key-version", Integer.toString(version));
        evidence.put("type", type.vaultName());
        evidence.put("latest_version", Integer.toString(latestVersion));
        evidence.put("exportable", Boolean.toString(exportable));
        evidence.put("allow_plaintext_backup", Boolean.toString(allowPlaintextBackup));
        evidence.put("deletion_allowed", Boolean.toString(deletionAllowed));
        evidence.put("imported_key", Boolean.toString(imported));
        return new KeyAttestation(Protection.SERVICE, true, !exportable, nonExtractable(), !imported, evidence,
                Instant.now());
    }

    private static Optional<EncodedPublicKey> publicKey(Curve curve, JsonValue version) {
        if (version == null || !version.isObject()) {
            return Optional.empty();
        }
        JsonValue text = version.asObject().get("public_key");
        return text != null && text.isString() ? TransitPublicKey.decode(curve, text.asString()) : Optional.empty();
    }
}
