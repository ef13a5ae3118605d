package io.cairn.blocks;

import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of applications, messages and verification blocks.
 *
 * @param payloadEncryptionKeyFile file holding the AES-256 key that encrypts stored payloads; empty = plaintext
 */
public record BlocksSettings(Optional<Path> payloadEncryptionKeyFile) {
    /** Payload encryption key file. */
    public static final ConfigOption PAYLOAD_ENCRYPTION_KEY_FILE = ConfigOption.path(
            "blocks.payload-encryption-key-file", null,
            "File holding the AES-256 key (base64 of 32 bytes, mode 0600) that encrypts stored message payloads "
                    + "with AES-256-GCM; generated when missing. Unset: payloads are stored in plaintext.");

    /** Every option of this module. */
    public static final List<ConfigOption> OPTIONS = List.of(PAYLOAD_ENCRYPTION_KEY_FILE);

    /** Validates the settings. */
    public BlocksSettings {
        Objects.requireNonNull(payloadEncryptionKeyFile, "payloadEncryptionKeyFile");
    }

    /** Reads the settings from validated configuration. */
    public static BlocksSettings from(CairnConfig config) {
        return new BlocksSettings(config.path(PAYLOAD_ENCRYPTION_KEY_FILE));
    }

    /** The payload cipher these settings describe. */
    public PayloadCipher payloadCipher() {
        return payloadEncryptionKeyFile.map(PayloadCipher::fromKeyFile).orElseGet(PayloadCipher::plaintext);
    }
}
