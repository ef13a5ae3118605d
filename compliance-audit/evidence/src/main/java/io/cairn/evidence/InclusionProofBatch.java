package io.cairn.evidence;

import io.cairn.merkle.Hash;
import io.cairn.merkle.InclusionProof;
import io.cairn.merkle.NodeId;
import io.cairn.merkle.ProofGenerator;
import io.cairn.merkle.TreeStore;
import io.cairn.merkle.TreeHasher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Inclusion proofs of many entries with one {@link TreeStore#nodes(List)} call per batch: the nodes every
 * proof of the batch needs depend on the sizes only, so a first pass over a recording store collects them,
 * one read fetches them all, and a second pass builds the proofs from what was read.
 */
final class InclusionProofBatch {
    private InclusionProofBatch() {
    }

    /**
     * The inclusion proofs of some leaves in the tree of {@code treeSize} leaves.
     *
     * @param store       the tree, of at least {@code treeSize} leaves
     * @param treeSize    the tree size to prove against
     * @param leafIndexes the leaves, each below {@code treeSize}
     * @return one proof per leaf, same order
     */
    static List<InclusionProof> generate(TreeStore store, long treeSize, long[] leafIndexes) {
        List<NodeId> wanted = new ArrayList<>();
        TreeStore recorder = new Recorder(store.size(), wanted);
        for (long leaf : leafIndexes) {
            ProofGenerator.inclusion(recorder, leaf, treeSize);
        }
        List<NodeId> distinct = new ArrayList<>(new LinkedHashSet<>(wanted));
        List<Hash> hashes = store.nodes(distinct);
        Map<NodeId, Hash> read = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            read.put(distinct.get(i), hashes.get(i));
        }
        TreeStore answered = new Answered(store.size(), read);
        List<InclusionProof> proofs = new ArrayList<>(leafIndexes.length);
        for (long leaf : leafIndexes) {
            proofs.add(ProofGenerator.inclusion(answered, leaf, treeSize));
        }
        return proofs;
    }

    /** Notes every node asked for and answers a placeholder. */
    private record Recorder(long size, List<NodeId> wanted) implements TreeStore {
        @Override
        public Hash node(NodeId id) {
            wanted.add(id);
            return TreeHasher.emptyRoot();
        }

        @Override
        public List<Hash> nodes(List<NodeId> ids) {
            wanted.addAll(ids);
            return Collections.nCopies(ids.size(), TreeHasher.emptyRoot());
        }
    }

    /** Answers from the nodes read. */
    private record Answered(long size, Map<NodeId, Hash> read) implements TreeStore {
        @Override
        public Hash node(NodeId id) {
            Hash hash = read.get(id);
            if (hash == null) {
                throw new IllegalStateException("node " + id + " was not read for this batch");
            }
            return hash;
        }
    }
}
