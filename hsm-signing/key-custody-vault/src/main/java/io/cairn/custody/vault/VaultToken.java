package io.cairn.custody.vault;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.files.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Objects;

/** A Vault token. It is never printed: {@link #toString()} hides it, and {@link #redact} removes it from text. */
public final class VaultToken {
    private final String value;

    private VaultToken(String value) {
        if (value.isBlank() || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new CairnException(ErrorCode.CONF_INCONSISTENT,
                    "a Vault token is non-empty printable ASCII without spaces");
        }
        this.value = value;
    }

    /** A token from text (surrounding white space removed). */
    public static VaultToken of(String value) {
        return new VaultToken(Objects.requireNonNull(value, "value").strip());
    }

    /**
     * Reads a token file. A file that others may read or write is refused, as is a missing or empty file; the
     * messages name the file, never its content.
     */
    public static VaultToken fromFile(Path file) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null && !SecretFiles.OWNER_ONLY.containsAll(posix.readAttributes().permissions())) {
                throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "the Vault token file " + file
                        + " may be read or written by others; allow its owner only (chmod 600)");
            }
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    "the Vault token file " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** The token, for the request header only. */
    String value() {
        return value;
    }

    /** {@code text} with every occurrence of the token replaced by {@code [hidden]}. */
    String redact(String text) {
        return text == null ? "" : text.replace(value, "[hidden]");
    }

    @Override
    public String toString() {
        return "VaultToken[hidden]";
    }
}
