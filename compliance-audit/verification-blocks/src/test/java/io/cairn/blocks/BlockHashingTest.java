package io.cairn.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The block hashing spec against vectors computed independently (MessageDigest here, and a separate script). */
class BlockHashingTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void threeMessageBlockMatchesTheHandComputedVector() throws Exception {
        List<Hash> digests = List.of(Hash.of(sha256("a".getBytes(StandardCharsets.UTF_8))),
                Hash.of(sha256("b".getBytes(StandardCharsets.UTF_8))), Hash.of(sha256("c".getBytes(StandardCharsets.UTF_8))));
        byte[] l0 = sha256(new byte[] {0}, digests.get(0).bytes());
        byte[] l1 = sha256(new byte[] {0}, digests.get(1).bytes());
        byte[] l2 = sha256(new byte[] {0}, digests.get(2).bytes());
        byte[] root = sha256(new byte[] {1}, sha256(new byte[] {1}, l0, l1), l2);
        assertThat(BlockHashing.merkleRoot(digests).bytes()).isEqualTo(root);
        assertThat(HEX.formatHex(root)).isEqualTo("cac3d448d4e20a2ad5eae1f500e63c2a7f9217cd14572ba7fd22e26dc1ec2648");

        byte[] prev = new byte[32];
        java.util.Arrays.fill(prev, (byte) 0x11);
        Instant createdAt = Instant.parse("2026-11-21T08:15:00.123456789Z");
        String text = "cairn-verification-block/v1\npayments.v1\n1\n" + HEX.formatHex(prev) + "\n" + HEX.formatHex(root)
                + "\n3\n2026-11-21T08:15:00.123Z\n";
        assertThat(BlockHashing.hashedText("payments.v1", 1, Hash.of(prev), Hash.of(root), 3, createdAt)).isEqualTo(text);
        Hash blockHash = BlockHashing.blockHash("payments.v1", 1, Hash.of(prev), Hash.of(root), 3, createdAt);
        assertThat(blockHash.bytes()).isEqualTo(sha256(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(blockHash.hex()).isEqualTo("a2e1c2c9251bd4337ba1c3c1fe7f8845c2f0ee4fb03c80398127fd34b9de1a57");
    }

    @Test
    void firstBlockChainsToZerosAndPrintsWholeSecondsWithThreeDigits() throws Exception {
        Hash digest = Hash.of(sha256("a".getBytes(StandardCharsets.UTF_8)));
        Hash root = BlockHashing.merkleRoot(List.of(digest));
        assertThat(root.bytes()).isEqualTo(sha256(new byte[] {0}, digest.bytes()));
        Instant createdAt = Instant.parse("2026-11-21T08:15:00Z");
        assertThat(BlockHashing.timestamp(createdAt)).isEqualTo("2026-11-21T08:15:00.000Z");
        Hash hash = BlockHashing.blockHash("payments.v1", 0, BlockHashing.GENESIS_PREVIOUS, root, 1, createdAt);
        assertThat(hash.hex()).isEqualTo("0726f0c979b40622b32b933627034ae8b1a3c60772a9aad4f96034f01476e661");
    }

    @Test
    void everyHashedFieldChangesTheBlockHash() {
        Hash root = Hash.of(new byte[32]);
        Instant at = Instant.parse("2026-11-21T08:15:00.123Z");
        Hash base = BlockHashing.blockHash("app", 4, BlockHashing.GENESIS_PREVIOUS, root, 2, at);
        byte[] other = new byte[32];
        other[31] = 1;
        assertThat(List.of(
                BlockHashing.blockHash("apq", 4, BlockHashing.GENESIS_PREVIOUS, root, 2, at),
                BlockHashing.blockHash("app", 5, BlockHashing.GENESIS_PREVIOUS, root, 2, at),
                BlockHashing.blockHash("app", 4, Hash.of(other), root, 2, at),
                BlockHashing.blockHash("app", 4, BlockHashing.GENESIS_PREVIOUS, Hash.of(other), 2, at),
                BlockHashing.blockHash("app", 4, BlockHashing.GENESIS_PREVIOUS, root, 3, at),
                BlockHashing.blockHash("app", 4, BlockHashing.GENESIS_PREVIOUS, root, 2, at.plusMillis(1))))
                .doesNotContain(base).doesNotHaveDuplicates();
        assertThat(BlockHashing.blockHash("app", 4, BlockHashing.GENESIS_PREVIOUS, root, 2, at.plusNanos(999_999)))
                .isEqualTo(base);
    }

    static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
