package io.cairn.blocks;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.Hash;
import io.cairn.merkle.InMemoryTreeStore;
import io.cairn.merkle.InclusionProof;
import io.cairn.merkle.ProofGenerator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The read side of verification blocks: blocks, their message digests and anchors (for the evidence exporter),
 * and inclusion proofs of messages in their blocks.
 */
public final class VerificationBlocks {
    /** Most blocks one {@link #blocks} call returns. */
    public static final int MAX_RANGE = 10_000;

    private final Jdbi jdbi;
    private final MessageArchive messages;

    /**
     * Creates the read side.
     *
     * @param jdbi     database migrated with {@link BlocksDatabase#MIGRATION}
     * @param messages accepted messages
     */
    public VerificationBlocks(Jdbi jdbi, MessageArchive messages) {
        this.jdbi = jdbi;
        this.messages = messages;
    }

    /** The blocks of an application with {@code fromSeq <= seq <= toSeq}, in order, at most {@value #MAX_RANGE}. */
    public List<VerificationBlock> blocks(String app, long fromSeq, long toSeq) {
        return SqlValues.run(() -> jdbi.withHandle(h -> BlockRows.range(h, app, fromSeq, toSeq, MAX_RANGE)));
    }

    /** Up to {@code limit} blocks from {@code fromSeq} on, in order. */
    List<VerificationBlock> page(String app, long fromSeq, int limit) {
        return SqlValues.run(() -> jdbi.withHandle(h -> BlockRows.range(h, app, fromSeq, Long.MAX_VALUE, limit)));
    }

    /** One block. */
    public Optional<VerificationBlock> block(String app, long seq) {
        return SqlValues.run(() -> jdbi.withHandle(h -> BlockRows.find(h, app, seq)));
    }

    /**
     * One block.
     *
     * @throws CairnException {@code CAIRN-JOURNAL-0112} when there is none
     */
    public VerificationBlock require(String app, long seq) {
        return block(app, seq).orElseThrow(() -> new CairnException(ErrorCode.JOURNAL_BLOCK_NOT_FOUND,
                "application '" + app + "' has no block " + seq));
    }

    /** The 32-byte message digests of a block in Merkle leaf order (empty for an unknown block). */
    public List<byte[]> digests(String app, long seq) {
        return SqlValues.run(() -> jdbi.withHandle(h -> BlockRows.digests(h, app, seq))).stream()
                .map(Hash::bytes).toList();
    }

    /** The anchors of a block, one per ledger it was anchored on, by ledger name. */
    public List<BlockAnchor> anchors(String app, long seq) {
        return SqlValues.run(() -> jdbi.withHandle(h -> BlockRows.anchors(h, app, seq)));
    }

    /**
     * The inclusion proof of a message in its block, checked against the block's stored Merkle root.
     *
     * @throws CairnException {@code CAIRN-JOURNAL-0110} for an unknown message, {@code CAIRN-JOURNAL-0111} while
     *                        it is not sealed yet
     */
    public MessageProof proof(String app, String messageId) {
        AcceptedMessage message = messages.message(app, messageId);
        long blockSeq = message.blockSeq().orElseThrow(() -> new CairnException(ErrorCode.JOURNAL_MESSAGE_NOT_SEALED,
                "message '" + messageId + "' is accepted but not yet sealed into a verification block"));
        VerificationBlock block = require(app, blockSeq);
        InMemoryTreeStore tree = new InMemoryTreeStore();
        SqlValues.run(() -> jdbi.withHandle(h -> BlockRows.digests(h, app, blockSeq)))
                .forEach(d -> tree.appendLeafHash(BlockHashing.leafHash(d)));
        long leafIdx = message.seq() - block.firstMessageSeq();
        if (tree.size() != block.entries() || !ProofGenerator.root(tree, tree.size()).equals(block.merkleRoot())) {
            throw new IllegalStateException("stored messages of block " + app + "#" + blockSeq
                    + " do not hash to its Merkle root");
        }
        InclusionProof proof = ProofGenerator.inclusion(tree, leafIdx, tree.size());
        return new MessageProof(app, blockSeq, block.blockHash().hex(), leafIdx, tree.size(),
                block.merkleRoot().base64(), BlockHashing.leafHash(message.digest()).base64(),
                proof.path().stream().map(Hash::base64).toList());
    }
}
