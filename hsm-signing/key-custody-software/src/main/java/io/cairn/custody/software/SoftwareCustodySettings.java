package io.cairn.custody.software;

import io.cairn.kernel.config.ConfigOption;
import java.util.List;

/** Configuration options of the software key custody. */
public final class SoftwareCustodySettings {
    /** The AES-256 master key, base64; when unset the key is read from (or generated into) the key file. */
    public static final ConfigOption MASTER_KEY = ConfigOption.secret("signing.software.master-key",
            "Base64 of the 32-byte AES-256 master key that seals software keys at rest. When unset, the key "
                    + "is read from signing.software.master-key-file, which is generated with mode 0600 on first use.");
    /** Where the master key is kept when it is not configured directly. */
    public static final ConfigOption MASTER_KEY_FILE = ConfigOption.path("signing.software.master-key-file", null,
            "File holding the software custody master key (base64), generated with mode 0600 when missing. "
                    + "Default: `<data-directory>/secrets/software-master.key`.");
    /** Whether existing private keys may be imported. */
    public static final ConfigOption ALLOW_IMPORT = ConfigOption.bool("signing.software.allow-import", false,
            "Allow importing existing private keys into the software custody. Off by default: keys are "
                    + "generated inside the custody.");

    /** Every option of this module. */
    public static final List<ConfigOption> OPTIONS = List.of(MASTER_KEY, MASTER_KEY_FILE, ALLOW_IMPORT);

    private SoftwareCustodySettings() {
    }
}
