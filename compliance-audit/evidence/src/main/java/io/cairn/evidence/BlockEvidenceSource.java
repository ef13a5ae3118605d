package io.cairn.evidence;

import java.time.Instant;
import java.util.List;

/**
 * How the exporter reads verification blocks; the appliance wires it to the verification-blocks module.
 */
public interface BlockEvidenceSource {
    /**
     * The application's blocks sealed in a time window, in sequence order.
     *
     * @param app  the application id
     * @param from first instant of the window (inclusive)
     * @param to   end of the window (exclusive)
     * @return the blocks with {@code from <= createdAt < to}, by ascending seq
     */
    List<BlockRecord> blocks(String app, Instant from, Instant to);

    /**
     * The message digests of one block, in the block's order.
     *
     * @param app the application id
     * @param seq the block
     * @return 32-byte digests
     */
    List<byte[]> digests(String app, long seq);

    /**
     * The anchors of one block, one per ledger it was written to.
     *
     * @param app the application id
     * @param seq the block
     * @return its anchors
     */
    List<AnchorRecord> anchors(String app, long seq);

    /** A source without blocks, for an appliance that has no verification blocks yet. */
    static BlockEvidenceSource none() {
        return new BlockEvidenceSource() {
            @Override
            public List<BlockRecord> blocks(String app, Instant from, Instant to) {
                return List.of();
            }

            @Override
            public List<byte[]> digests(String app, long seq) {
                return List.of();
            }

            @Override
            public List<AnchorRecord> anchors(String app, long seq) {
                return List.of();
            }
        };
    }
}
