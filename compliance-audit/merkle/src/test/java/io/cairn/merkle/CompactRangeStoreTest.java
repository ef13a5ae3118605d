package io.cairn.merkle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A store made only of the nodes {@link CompactRange#append(Hash)} hands out, as a persisted journal
 * keeps them, meets the {@link TreeStore} contract.
 */
class CompactRangeStoreTest extends TreeStoreContract {
    @Override
    protected TreeStore storeWith(List<Hash> leafHashes) {
        CompactRange range = CompactRange.empty();
        Map<NodeId, Hash> rows = new HashMap<>();
        leafHashes.forEach(leaf -> range.append(leaf).forEach(node -> rows.put(node.id(), node.hash())));
        long size = range.size();
        return new TreeStore() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public Hash node(NodeId id) {
                if (id.endLeaf() > size || !rows.containsKey(id)) {
                    throw new IllegalArgumentException("no complete node " + id);
                }
                return rows.get(id);
            }
        };
    }
}
