package io.cairn.custody.pkcs11;

import io.cairn.kernel.config.ConfigOption;
import java.util.List;

/** Configuration options of the PKCS#11 key custody. */
public final class Pkcs11Settings {
    /** The vendor's PKCS#11 library. */
    public static final ConfigOption LIBRARY = ConfigOption.path("signing.pkcs11.library", null,
            "Path of the HSM vendor's PKCS#11 library (for SoftHSM2 on Debian: the libsofthsm2.so of the softhsm2 package).");
    /** The token's label. */
    public static final ConfigOption TOKEN_LABEL = ConfigOption.optionalString("signing.pkcs11.token-label",
            "Label of the token that holds Cairn's keys. The slot is found by this label at start-up, never by number.");
    /** The user PIN. */
    public static final ConfigOption PIN = ConfigOption.secret("signing.pkcs11.pin",
            "User PIN of the token. Never printed or logged.");
    /** Sessions and signature objects kept open. */
    public static final ConfigOption POOL_SIZE = ConfigOption.integer("signing.pkcs11.pool-size", 4, 1, 256,
            "Number of token sessions and signature objects kept for concurrent signing.");
    /** Whether to offer Ed25519. */
    public static final ConfigOption ED25519 = ConfigOption.bool("signing.pkcs11.ed25519", true,
            "Offer Ed25519 keys (CKM_EDDSA) when the token supports them.");

    /** Every option of this module. */
    public static final List<ConfigOption> OPTIONS = List.of(LIBRARY, TOKEN_LABEL, PIN, POOL_SIZE, ED25519);

    private Pkcs11Settings() {
    }
}
