package io.cairn.journal;

import java.util.Objects;

/**
 * One problem the tamper audit found.
 *
 * @param kind     what is wrong
 * @param position the leaf index, the tree size of a checkpoint, or the first leaf a tree node covers
 * @param detail   one sentence for an operator
 */
public record AuditFinding(Kind kind, long position, String detail) {
    /** Kinds of tampering or damage. */
    public enum Kind {
        /** A stored leaf hash is not the hash of the stored entry bytes. */
        ENTRY_EDITED,
        /** Entry bytes are not a canonical entry, or disagree with the idempotency key column. */
        ENTRY_MALFORMED,
        /** Leaf indexes are missing: rows were deleted. */
        ENTRY_MISSING,
        /** A row beyond the committed size exists. */
        ENTRY_UNEXPECTED,
        /** A stored tree node differs from the node recomputed from the entries (edited or reordered rows). */
        NODE_MISMATCH,
        /** A tree node the entries complete is not stored. */
        NODE_MISSING,
        /** A tree node is stored that the entries do not complete. */
        NODE_UNEXPECTED,
        /** A checkpoint's signed root differs from the root recomputed from the entries. */
        CHECKPOINT_ROOT_MISMATCH,
        /** A checkpoint's signature or stored body does not match its fields. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** A checkpoint covers more entries than the journal holds. */
        CHECKPOINT_BEYOND_JOURNAL
    }

    /** Rejects missing parts. */
    public AuditFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
