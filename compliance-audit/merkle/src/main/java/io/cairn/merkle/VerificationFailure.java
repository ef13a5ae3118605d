package io.cairn.merkle;

/** Why a proof was rejected. Each reason has a plain-language explanation for audit reports. */
public enum VerificationFailure {
    /** A tree size or leaf index is negative. */
    NEGATIVE_NUMBER("a tree size or entry position is negative"),
    /** The leaf index is not below the tree size; every proof into an empty tree fails this way. */
    LEAF_INDEX_OUT_OF_RANGE("the entry position is not inside the tree"),
    /** The proof has fewer hashes than the tree shape requires (truncated). */
    PROOF_TOO_SHORT("the proof has fewer hashes than a tree of this size requires, so it looks truncated"),
    /** The proof has more hashes than the tree shape requires (padded). */
    PROOF_TOO_LONG("the proof has more hashes than a tree of this size requires, so it looks padded"),
    /** The inclusion proof does not lead from the leaf hash to the claimed root. */
    ROOT_MISMATCH("combining the entry's hash with the proof does not give the claimed tree root"),
    /** A consistency proof claims that a tree shrank. */
    SIZE1_GREATER_THAN_SIZE2("the earlier tree is claimed to be larger than the later tree"),
    /** Two trees of the same size must have the same root. */
    EQUAL_SIZES_DIFFERENT_ROOTS("two trees of the same size have different roots, so one of them was altered"),
    /** The root claimed for a tree of size 0 is not {@code SHA-256("")}. */
    EMPTY_TREE_ROOT_MISMATCH("the root given for the empty tree is not the hash of empty input"),
    /** The consistency proof does not reproduce the older root. */
    OLD_ROOT_MISMATCH("the proof does not reproduce the earlier tree's root"),
    /** The consistency proof does not lead to the newer root. */
    NEW_ROOT_MISMATCH("the proof does not lead from the earlier tree to the later tree's root");

    private final String explanation;

    VerificationFailure(String explanation) {
        this.explanation = explanation;
    }

    /** A sentence fragment a compliance officer can read, e.g. in a CLI message. */
    public String explanation() {
        return explanation;
    }
}
