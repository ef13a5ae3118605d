package io.cairn.blocks;

/** Where a verification block is in anchoring. */
public enum BlockStatus {
    /** Sealed; not yet anchored on every ledger of its application. */
    PENDING,
    /** Anchored on every ledger of its application, not yet final on all of them. */
    ANCHORED,
    /** Final on every ledger of its application. */
    FINAL,
    /** An anchor vanished or landed on a losing fork: the block is being anchored again on that ledger. */
    BROKEN;

    /** The stored and API form, e.g. {@code pending}. */
    public String label() {
        return Labels.of(this);
    }
}
