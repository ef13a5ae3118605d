package io.cairn.blocks;

import io.cairn.merkle.Hash;
import io.cairn.merkle.RootBuilder;
import io.cairn.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The exact hashing of verification blocks (version 1), which offline verifiers re-implement byte for byte.
 *
 * <ul>
 *   <li>{@code merkleRoot}: RFC 6962 Merkle Tree Hash over the block's message digests in sequence order;
 *       a leaf's input is the 32 digest bytes, so its leaf hash is {@code SHA-256(0x00 || digest)}.</li>
 *   <li>{@code blockHash}: SHA-256 of the UTF-8 bytes of
 *       {@code "cairn-verification-block/v1\n" + app + "\n" + seq + "\n" + prevBlockHash + "\n" + merkleRoot
 *       + "\n" + entries + "\n" + createdAt + "\n"}, numbers in decimal, hashes as 64 lower-case hex digits
 *       (the previous hash of block 0 is 64 zeros), {@code createdAt} as ISO-8601 UTC with exactly three
 *       fraction digits, e.g. {@code 2026-11-21T08:15:00.123Z}.</li>
 * </ul>
 */
public final class BlockHashing {
    /** First line of the hashed block text. */
    public static final String VERSION_LINE = "cairn-verification-block/v1";
    /** The previous-block hash of block 0: 32 zero bytes. */
    public static final Hash GENESIS_PREVIOUS = Hash.of(new byte[Hash.LENGTH]);

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private BlockHashing() {
    }

    /** The Merkle root over message digests in order (leaf input = the 32 digest bytes). */
    public static Hash merkleRoot(List<Hash> digests) {
        RootBuilder builder = new RootBuilder();
        for (Hash digest : digests) {
            builder.appendLeafHash(leafHash(digest));
        }
        return builder.root();
    }

    /** The Merkle leaf hash of one message digest: {@code SHA-256(0x00 || digest)}. */
    public static Hash leafHash(Hash digest) {
        return TreeHasher.leafHash(digest.bytes());
    }

    /** The text whose UTF-8 bytes are hashed into the block hash. */
    public static String hashedText(String app, long seq, Hash prevBlockHash, Hash merkleRoot, int entries,
                                    Instant createdAt) {
        return VERSION_LINE + "\n" + app + "\n" + seq + "\n" + prevBlockHash.hex() + "\n" + merkleRoot.hex() + "\n"
                + entries + "\n" + timestamp(createdAt) + "\n";
    }

    /** The block hash: SHA-256 of {@link #hashedText}. */
    public static Hash blockHash(String app, long seq, Hash prevBlockHash, Hash merkleRoot, int entries,
                                 Instant createdAt) {
        byte[] text = hashedText(app, seq, prevBlockHash, merkleRoot, entries, createdAt)
                .getBytes(StandardCharsets.UTF_8);
        return Hash.of(Sha256.of(text));
    }

    /** ISO-8601 UTC with exactly three fraction digits; sub-millisecond parts are dropped. */
    public static String timestamp(Instant instant) {
        return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
