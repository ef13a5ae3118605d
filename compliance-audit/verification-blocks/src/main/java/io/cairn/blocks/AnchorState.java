package io.cairn.blocks;

/** The state of a block's anchor on one ledger. */
public enum AnchorState {
    /** The anchor transaction is in a ledger block. */
    ANCHORED,
    /** The ledger reports the anchor's block final. */
    FINAL,
    /** The anchor vanished or is on a losing fork; the block is to be anchored again on this ledger. */
    BROKEN;

    /** The stored and API form, e.g. {@code anchored}. */
    public String label() {
        return Labels.of(this);
    }
}
