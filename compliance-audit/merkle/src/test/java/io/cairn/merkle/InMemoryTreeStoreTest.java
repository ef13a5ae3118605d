package io.cairn.merkle;

import java.util.List;

/** The in-memory store meets the {@link TreeStore} contract. */
class InMemoryTreeStoreTest extends TreeStoreContract {
    @Override
    protected TreeStore storeWith(List<Hash> leafHashes) {
        InMemoryTreeStore store = new InMemoryTreeStore();
        leafHashes.forEach(store::appendLeafHash);
        return store;
    }
}
