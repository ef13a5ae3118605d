package io.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The block hashing rules against values computed here step by step with MessageDigest. */
class BlockHashingTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void merkleRootOfThreeDigestsIsTheRfc6962TreeOverTheRawDigests() throws Exception {
        byte[] d0 = sha256("m0".getBytes(StandardCharsets.UTF_8));
        byte[] d1 = sha256("m1".getBytes(StandardCharsets.UTF_8));
        byte[] d2 = sha256("m2".getBytes(StandardCharsets.UTF_8));
        byte[] left = node(leaf(d0), leaf(d1));
        byte[] expected = node(left, leaf(d2));

        assertThat(BlockHashing.merkleRoot(List.of(d0, d1, d2)).hex()).isEqualTo(HEX.formatHex(expected));
        assertThat(BlockHashing.merkleRoot(List.of(d0)).hex()).isEqualTo(HEX.formatHex(leaf(d0)));
        assertThat(BlockHashing.merkleRoot(List.of()).hex()).isEqualTo(HEX.formatHex(sha256(new byte[0])));
    }

    @Test
    void blockHashIsSha256OfTheDocumentedText() throws Exception {
        String root = "ab".repeat(32);
        BlockRecord block = new BlockRecord("payments", 7, "cd".repeat(32), root, 3,
                Instant.parse("2026-11-21T08:15:00.123Z"), "", "pending");
        String text = "cairn-verification-block/v1\npayments\n7\n" + "cd".repeat(32) + "\n" + root
                + "\n3\n2026-11-21T08:15:00.123Z\n";
        assertThat(BlockHashing.blockHash(block)).isEqualTo(HEX.formatHex(sha256(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void createdAtAlwaysHasThreeFractionDigits() {
        assertThat(BlockHashing.createdAt(Instant.parse("2026-11-21T08:15:00Z"))).isEqualTo("2026-11-21T08:15:00.000Z");
        assertThat(BlockHashing.createdAt(Instant.parse("2026-11-21T08:15:00.120Z"))).isEqualTo("2026-11-21T08:15:00.120Z");
    }

    private static byte[] leaf(byte[] digest) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((byte) 0);
        return sha.digest(digest);
    }

    private static byte[] node(byte[] left, byte[] right) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
