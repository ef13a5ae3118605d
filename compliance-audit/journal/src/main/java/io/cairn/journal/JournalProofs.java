package io.cairn.journal;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.Hash;
import io.cairn.merkle.InclusionProof;
import io.cairn.merkle.ProofGenerator;
import io.cairn.merkle.TreeStore;
import io.cairn.proofs.ConsistencyProofFile;
import io.cairn.proofs.InclusionProofFile;
import java.util.Optional;

/**
 * Inclusion and consistency proofs of the stored journal, as proof file records. When a signed
 * checkpoint exists for a tree size, its root is the one the proof is given against, so a proof from a
 * tampered database fails to verify instead of proving a rewritten history.
 */
public final class JournalProofs {
    private final PostgresJournal journal;
    private final CheckpointLog checkpoints;

    /**
     * Creates the proof service.
     *
     * @param journal     the journal
     * @param checkpoints its checkpoints
     */
    public JournalProofs(PostgresJournal journal, CheckpointLog checkpoints) {
        this.journal = journal;
        this.checkpoints = checkpoints;
    }

    /**
     * The inclusion proof of an entry.
     *
     * @param leafIndex the entry
     * @param treeSize  the tree size to prove against; by default the latest checkpoint's size when it
     *                  covers the entry, else the current size
     * @return the proof file
     * @throws CairnException {@code CAIRN-API-0009} when the entry does not exist, {@code CAIRN-API-0011}
     *                        when the tree size does not cover it
     */
    public InclusionProofFile inclusion(long leafIndex, Optional<Long> treeSize) {
        long committed = journal.size();
        if (leafIndex < 0 || leafIndex >= committed) {
            throw new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND, "the journal has no entry " + leafIndex);
        }
        long size = treeSize.orElseGet(() -> checkpoints.latest().map(Checkpoint::treeSize)
                .filter(s -> s > leafIndex).orElse(committed));
        if (size <= leafIndex || size > committed) {
            throw CairnException.field(ErrorCode.API_INVALID_PARAMETER, "treeSize", "treeSize must be between "
                    + (leafIndex + 1) + " and " + committed + " to include entry " + leafIndex);
        }
        TreeStore store = journal.treeStore(size);
        InclusionProof proof = ProofGenerator.inclusion(store, leafIndex, size);
        Hash leafHash = store.node(new io.cairn.merkle.NodeId(0, leafIndex));
        return InclusionProofFile.of(proof, leafHash, root(store, size));
    }

    /**
     * The consistency proof between two tree sizes.
     *
     * @param size1 the earlier size
     * @param size2 the later size, at most the current size
     * @return the proof file
     * @throws CairnException {@code CAIRN-API-0011} when the sizes are out of order or range
     */
    public ConsistencyProofFile consistency(long size1, long size2) {
        long committed = journal.size();
        if (size1 < 0 || size1 > size2 || size2 > committed) {
            throw CairnException.field(ErrorCode.API_INVALID_PARAMETER, "from",
                    "sizes must satisfy 0 <= from <= to <= " + committed + ": from=" + size1 + ", to=" + size2);
        }
        TreeStore store = journal.treeStore(size2);
        return ConsistencyProofFile.of(ProofGenerator.consistency(store, size1, size2), root(store, size1),
                root(store, size2));
    }

    private Hash root(TreeStore store, long size) {
        return checkpoints.at(size).map(Checkpoint::root).orElseGet(() -> ProofGenerator.root(store, size));
    }
}
