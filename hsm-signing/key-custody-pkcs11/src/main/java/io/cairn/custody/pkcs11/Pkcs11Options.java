package io.cairn.custody.pkcs11;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the token.
 *
 * @param library    the PKCS#11 library
 * @param tokenLabel the token's label
 * @param pin        the user PIN
 * @param poolSize   sessions and signature objects kept for concurrent signing
 * @param ed25519    whether to offer Ed25519 when the token supports it
 */
public record Pkcs11Options(Path library, String tokenLabel, Pin pin, int poolSize, boolean ed25519) {

    /** Checks the parts. */
    public Pkcs11Options {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(tokenLabel, "tokenLabel");
        Objects.requireNonNull(pin, "pin");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be positive");
        }
    }

    /** The options from {@link Pkcs11Settings}; library, token label and PIN are required. */
    public static Pkcs11Options from(CairnConfig config) {
        return new Pkcs11Options(
                config.path(Pkcs11Settings.LIBRARY).orElseThrow(() -> missing(Pkcs11Settings.LIBRARY)),
                config.optionalString(Pkcs11Settings.TOKEN_LABEL).orElseThrow(() -> missing(Pkcs11Settings.TOKEN_LABEL)),
                Pin.of(config.optionalString(Pkcs11Settings.PIN).orElseThrow(() -> missing(Pkcs11Settings.PIN))),
                Math.toIntExact(config.integer(Pkcs11Settings.POOL_SIZE)),
                config.bool(Pkcs11Settings.ED25519));
    }

    private static CairnException missing(ConfigOption option) {
        return CairnException.field(ErrorCode.CONF_INCONSISTENT, option.key(),
                option.key() + " is required for the pkcs11 key custody");
    }
}
