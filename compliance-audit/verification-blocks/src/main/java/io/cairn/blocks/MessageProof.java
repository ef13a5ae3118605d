package io.cairn.blocks;

import java.util.List;
import java.util.Objects;

/**
 * The inclusion proof of a message in its verification block. {@code leafIdx}, {@code treeSize}, {@code root},
 * {@code leafHash} and {@code proof} follow the journal's inclusion proof file format (base64 SHA-256 values):
 * the tree is the block's Merkle tree, the leaf hash is {@code SHA-256(0x00 || digest)} and the root is the
 * block's Merkle root.
 *
 * @param app       application id
 * @param blockSeq  the block's sequence number
 * @param blockHash the block hash (64 lower-case hex digits, as anchored)
 * @param leafIdx   the message's position in the block, from 0
 * @param treeSize  the number of messages in the block
 * @param root      the block's Merkle root (base64)
 * @param leafHash  the message's leaf hash (base64)
 * @param proof     the audit path from the leaf upwards (base64)
 */
public record MessageProof(String app, long blockSeq, String blockHash, long leafIdx, long treeSize, String root,
                           String leafHash, List<String> proof) {
    /** Copies the path. */
    public MessageProof {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(leafHash, "leafHash");
        proof = List.copyOf(proof);
    }
}
