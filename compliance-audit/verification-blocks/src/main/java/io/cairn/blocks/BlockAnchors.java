package io.cairn.blocks;

import io.cairn.audit.spi.AuditJournal;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The write side of anchoring, for the anchoring pipeline: per block and ledger, {@code anchored -> final}, or
 * {@code broken} (the anchor vanished or is on a losing fork) and then {@code anchored} again with a new
 * transaction. Each change is one transaction that also updates the block's status, and is journaled afterwards
 * from the stored row; repeating a call with the same values changes nothing and journals nothing new, so the
 * pipeline may retry freely.
 *
 * <p>A block is {@code final} when every ledger of its application reports it final, {@code anchored} when every
 * ledger has it anchored or final, {@code broken} while any ledger's anchor is broken, and {@code pending}
 * otherwise (also for applications without ledgers).
 */
public final class BlockAnchors {
    private final Jdbi jdbi;
    private final ApplicationRegistry registry;
    private final AuditJournal journal;

    /**
     * Creates the write side.
     *
     * @param jdbi     database migrated with {@link BlocksDatabase#MIGRATION}
     * @param registry applications (their ledger lists)
     * @param journal  where every change is recorded
     */
    public BlockAnchors(Jdbi jdbi, ApplicationRegistry registry, AuditJournal journal) {
        this.jdbi = jdbi;
        this.registry = registry;
        this.journal = journal;
    }

    /**
     * Records that a block's hash pointer is in a ledger block; allowed for a block not yet anchored on that
     * ledger or whose anchor there is broken.
     *
     * @throws CairnException {@code CAIRN-JOURNAL-0113} when the ledger already holds another live anchor of
     *                        the block or is not one of the application's ledgers; {@code CAIRN-JOURNAL-0112} when
     *                        there is no such block
     */
    public BlockAnchor recordAnchored(String app, long seq, String ledger, String txId, long height, Instant at) {
        Objects.requireNonNull(txId, "txId");
        BlockAnchor wanted = new BlockAnchor(app, seq, ledger, AnchorState.ANCHORED, txId, height, millis(at),
                Optional.empty(), Optional.empty(), Optional.empty());
        return change(app, seq, ledger, current -> {
            if (current.isEmpty() || current.get().state() == AnchorState.BROKEN) {
                return wanted;
            }
            if (current.get().txId().equals(txId) && current.get().height() == height) {
                return current.get();
            }
            throw conflict(app, seq, ledger, "it is already " + current.get().state().label() + " with transaction "
                    + current.get().txId() + "; record it broken before anchoring it again");
        });
    }

    /**
     * Records that the ledger reports the anchor transaction final.
     *
     * @throws CairnException {@code CAIRN-JOURNAL-0113} unless the block is anchored on that ledger by {@code txId}
     */
    public BlockAnchor recordFinal(String app, long seq, String ledger, String txId, Instant at) {
        return change(app, seq, ledger, current -> {
            BlockAnchor anchor = current.filter(a -> a.txId().equals(txId) && a.state() != AnchorState.BROKEN)
                    .orElseThrow(() -> conflict(app, seq, ledger, "it is not anchored by transaction " + txId));
            if (anchor.state() == AnchorState.FINAL) {
                return anchor;
            }
            return new BlockAnchor(app, seq, ledger, AnchorState.FINAL, txId, anchor.height(), anchor.anchoredAt(),
                    Optional.of(millis(at)), Optional.empty(), Optional.empty());
        });
    }

    /**
     * Records that the block's anchor on a ledger vanished or landed on a losing fork: the block goes back to
     * anchoring on that ledger ({@link #pendingFor}).
     *
     * @throws CairnException {@code CAIRN-JOURNAL-0113} when the block has no anchor on that ledger
     */
    public BlockAnchor recordBroken(String app, long seq, String ledger, String reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        return change(app, seq, ledger, current -> {
            BlockAnchor anchor = current.orElseThrow(() -> conflict(app, seq, ledger, "it has no anchor there"));
            if (anchor.state() == AnchorState.BROKEN) {
                return anchor;
            }
            return new BlockAnchor(app, seq, ledger, AnchorState.BROKEN, anchor.txId(), anchor.height(),
                    anchor.anchoredAt(), anchor.finalAt(), Optional.of(millis(at)), Optional.of(reason));
        });
    }

    /**
     * Blocks to anchor on a ledger, oldest first: blocks of applications using the ledger that have no anchor
     * there yet or a broken one.
     */
    public List<BlockPointer> pendingFor(String ledger, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return SqlValues.run(() -> jdbi.withHandle(h -> BlockRows.pendingFor(h, ledger, limit)));
    }

    private BlockAnchor change(String app, long seq, String ledger,
                               Function<Optional<BlockAnchor>, BlockAnchor> transition) {
        Application application = registry.require(app);
        if (!application.ledgers().contains(ledger)) {
            throw conflict(app, seq, ledger, "application '" + app + "' does not anchor to ledger '" + ledger + "'");
        }
        Change change = SqlValues.run(() -> jdbi.inTransaction(h -> {
            VerificationBlock block = BlockRows.lock(h, app, seq).orElseThrow(() -> new CairnException(
                    ErrorCode.JOURNAL_BLOCK_NOT_FOUND, "application '" + app + "' has no block " + seq));
            BlockAnchor next = transition.apply(BlockRows.anchorForUpdate(h, app, seq, ledger));
            BlockRows.upsertAnchor(h, next);
            BlockRows.setStatus(h, app, seq, status(application, BlockRows.anchors(h, app, seq)));
            return new Change(block, next);
        }));
        journal.append(JournalEvents.anchorChanged(change.block(), change.anchor()));
        return change.anchor();
    }

    private record Change(VerificationBlock block, BlockAnchor anchor) {
    }

    /** A block's status from its anchors on the application's ledgers. */
    static BlockStatus status(Application app, List<BlockAnchor> anchors) {
        Map<String, AnchorState> states = anchors.stream().filter(a -> app.ledgers().contains(a.ledger()))
                .collect(Collectors.toMap(BlockAnchor::ledger, BlockAnchor::state));
        if (states.containsValue(AnchorState.BROKEN)) {
            return BlockStatus.BROKEN;
        }
        if (app.ledgers().isEmpty() || states.size() < app.ledgers().size()) {
            return BlockStatus.PENDING;
        }
        return states.values().stream().allMatch(s -> s == AnchorState.FINAL) ? BlockStatus.FINAL
                : BlockStatus.ANCHORED;
    }

    private static Instant millis(Instant at) {
        return Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }

    private static CairnException conflict(String app, long seq, String ledger, String why) {
        return new CairnException(ErrorCode.JOURNAL_ANCHOR_TRANSITION_INVALID,
                "block " + app + "#" + seq + " on ledger '" + ledger + "': " + why);
    }
}
