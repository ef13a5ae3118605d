package io.cairn.signing;

import io.cairn.custody.spi.Curve;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A key the signing service manages: alias, backend, curve, purpose, policy, state and versions.
 *
 * @param alias          unique name used in the API
 * @param backend        the custody backend holding every version
 * @param curve          the curve of every version
 * @param purpose        what the key is for
 * @param policy         what it may sign
 * @param state          lifecycle state
 * @param currentVersion the version that signs
 * @param createdBy      who created it
 * @param createdAt      when
 * @param versions       every version, oldest first
 */
public record ManagedKey(String alias, String backend, Curve curve, KeyPurpose purpose, SigningPolicy policy,
                         KeyState state, int currentVersion, String createdBy, Instant createdAt,
                         List<KeyVersion> versions) {
    /** Copies the versions. */
    public ManagedKey {
        Objects.requireNonNull(alias, "alias");
        versions = List.copyOf(versions);
    }

    /** The version that signs now. */
    public KeyVersion current() {
        return version(currentVersion);
    }

    /** One version of this key. */
    public KeyVersion version(int number) {
        return versions.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> new IllegalStateException("key " + alias + " has no version " + number));
    }

    /** Refuses keys that cannot sign: {@code CAIRN-SIGN-0005} disabled, {@code CAIRN-SIGN-0004} destroyed. */
    public void requireActive() {
        switch (state) {
            case DISABLED -> throw new CairnException(ErrorCode.SIGN_KEY_DISABLED, "key '" + alias + "' is disabled");
            case DESTROYED -> throw new CairnException(ErrorCode.SIGN_KEY_DESTROYED, "key '" + alias + "' was destroyed");
            case ACTIVE -> {
            }
        }
    }
}
