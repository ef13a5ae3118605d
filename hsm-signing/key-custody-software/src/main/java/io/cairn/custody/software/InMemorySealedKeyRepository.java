package io.cairn.custody.software;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Sealed keys in this process's memory: for tests and throw-away development instances. */
public final class InMemorySealedKeyRepository implements SealedKeyRepository {
    private final ConcurrentMap<String, SealedKey> keys = new ConcurrentHashMap<>();

    @Override
    public void insert(SealedKey key) {
        if (keys.putIfAbsent(key.id(), key) != null) {
            throw new IllegalStateException("duplicate software key id " + key.id());
        }
    }

    @Override
    public Optional<SealedKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public boolean markDestroyed(String id, Instant at) {
        SealedKey after = keys.computeIfPresent(id, (k, key) -> key.destroyed() ? key
                : new SealedKey(key.id(), key.label(), key.publicKey(), Optional.empty(), key.imported(),
                        key.createdAt(), Optional.of(at)));
        return after != null;
    }
}
