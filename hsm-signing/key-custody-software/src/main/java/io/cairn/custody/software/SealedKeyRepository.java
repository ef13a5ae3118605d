package io.cairn.custody.software;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the software custody keeps its sealed keys. Implementations never see a plaintext private key.
 * Storage failures surface as {@link io.cairn.kernel.ErrorCode#SIGN_CUSTODY_UNAVAILABLE}.
 */
public interface SealedKeyRepository {

    /** Stores a new key; its id is new. */
    void insert(SealedKey key);

    /** The key with this id, destroyed or not. */
    Optional<SealedKey> find(String id);

    /** Erases the sealed private key and records the destruction time; false when there is no such key. */
    boolean markDestroyed(String id, Instant at);
}
