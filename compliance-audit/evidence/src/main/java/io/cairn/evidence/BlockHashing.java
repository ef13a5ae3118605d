package io.cairn.evidence;

import io.cairn.merkle.Hash;
import io.cairn.merkle.RootBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The verification block hashing rules ({@code cairn-verification-block/v1}).
 *
 * <ul>
 *   <li>{@code merkleRoot}: RFC 6962 Merkle Tree Hash over the message digests in order, each digest's 32 bytes
 *       being one leaf's input (leaf hash {@code SHA-256(0x00 || digest)}).</li>
 *   <li>{@code blockHash}: SHA-256 of the UTF-8 text
 *       {@code "cairn-verification-block/v1\n" app "\n" seq "\n" prevBlockHash "\n" merkleRoot "\n" entries "\n"
 *       createdAt "\n"}, numbers in decimal, hashes as 64 lower-case hex digits, createdAt as
 *       {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC.</li>
 * </ul>
 */
public final class BlockHashing {
    /** The previous-block hash of block 0. */
    public static final String GENESIS_PREVIOUS = "0".repeat(64);
    /** The block time format: ISO-8601 UTC with exactly three fraction digits. */
    public static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String DOMAIN = "cairn-verification-block/v1\n";

    private BlockHashing() {
    }

    /**
     * The Merkle root of a block's message digests.
     *
     * @param digests the digests, in block order
     * @return the root; {@code SHA-256("")} for no digests
     */
    public static Hash merkleRoot(List<byte[]> digests) {
        RootBuilder builder = new RootBuilder();
        digests.forEach(builder::appendEntry);
        return builder.root();
    }

    /**
     * The hash of a block.
     *
     * @param block the block; its own {@code blockHash} is not read
     * @return the block hash, 64 lower-case hex digits
     */
    public static String blockHash(BlockRecord block) {
        String text = DOMAIN + block.app() + "\n" + block.seq() + "\n" + block.prevBlockHash() + "\n"
                + block.merkleRoot() + "\n" + block.entries() + "\n" + CREATED_AT.format(block.createdAt()) + "\n";
        return Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The block time as written in block hashes and bundles. */
    public static String createdAt(Instant createdAt) {
        return CREATED_AT.format(createdAt);
    }
}
