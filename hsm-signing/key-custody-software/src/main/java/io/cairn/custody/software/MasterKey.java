package io.cairn.custody.software;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that seals software keys at rest. Its value is never printed.
 */
public final class MasterKey {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKey key;

    private MasterKey(byte[] raw) {
        if (raw.length != 32) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE, "the software custody master key must be 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /**
     * The master key from configuration: the configured value, else the configured key file, else
     * {@code defaultFile}; a missing key file is created.
     */
    public static MasterKey from(CairnConfig config, Path defaultFile) {
        Optional<String> configured = config.optionalString(SoftwareCustodySettings.MASTER_KEY);
        if (configured.isPresent()) {
            return fromBase64(configured.get());
        }
        return loadOrCreate(config.path(SoftwareCustodySettings.MASTER_KEY_FILE).orElse(defaultFile));
    }

    /** A master key from its base64 text. */
    public static MasterKey fromBase64(String base64) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw CairnException.field(ErrorCode.CONF_INVALID_VALUE, SoftwareCustodySettings.MASTER_KEY.key(),
                    "the software custody master key is not valid base64");
        }
    }

    /** A fresh random master key, for tests and benchmarks. */
    public static MasterKey random() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return new MasterKey(raw);
    }

    /**
     * Reads the key file, or generates it with owner-only permissions when it does not exist. A key file
     * that other users can read is refused.
     */
    public static MasterKey loadOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                        "the software custody master key file must have mode 0600: " + file);
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    "the software custody master key file cannot be read: " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
    }

    SecretKey secretKey() {
        return key;
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }
}
