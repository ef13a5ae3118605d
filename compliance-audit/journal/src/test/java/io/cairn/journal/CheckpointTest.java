package io.cairn.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.audit.spi.CheckpointSignature;
import io.cairn.audit.spi.SoftwareCheckpointSigner;
import io.cairn.merkle.Hash;
import io.cairn.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    private static final Hash ROOT = TreeHasher.leafHash("root".getBytes(StandardCharsets.UTF_8));
    private static final Instant AT = Instant.parse("2026-11-21T06:30:00.123Z");

    @Test
    void theBodyIsFourLinesAndTheTextAddsOneSignatureLine() {
        String body = Checkpoint.body("bank.example/journal", 1234, ROOT, AT);
        assertThat(body).isEqualTo("bank.example/journal\n1234\n" + ROOT.base64() + "\ntimestamp 2026-11-21T06:30:00.123Z\n");
        Checkpoint checkpoint = signed(SoftwareCheckpointSigner.generate("journal-checkpoint"), body);
        assertThat(checkpoint.text()).isEqualTo(body + "\n\u2014 journal-checkpoint "
                + Base64.getEncoder().encodeToString(checkpoint.signature().signature()) + "\n");
    }

    @Test
    void theSignatureCoversEveryField() {
        SoftwareCheckpointSigner signer = SoftwareCheckpointSigner.generate("k");
        Checkpoint checkpoint = signed(signer, Checkpoint.body("o", 7, ROOT, AT));
        assertThat(checkpoint.signatureValid()).isTrue();
        CheckpointSignature signature = checkpoint.signature();
        assertThat(new Checkpoint("o2", 7, ROOT, AT, signature).signatureValid()).isFalse();
        assertThat(new Checkpoint("o", 8, ROOT, AT, signature).signatureValid()).isFalse();
        assertThat(new Checkpoint("o", 7, TreeHasher.emptyRoot(), AT, signature).signatureValid()).isFalse();
        assertThat(new Checkpoint("o", 7, ROOT, AT.plusMillis(1), signature).signatureValid()).isFalse();
        CheckpointSignature otherKey = SoftwareCheckpointSigner.generate("k").sign(new byte[] {1});
        assertThat(new Checkpoint("o", 7, ROOT, AT, new CheckpointSignature("k", signature.algorithm(),
                signature.signature(), otherKey.publicKey())).signatureValid()).isFalse();
        assertThat(new Checkpoint("o", 7, ROOT, AT, new CheckpointSignature("k", "NoSuchAlgorithm",
                signature.signature(), signature.publicKey())).signatureValid()).isFalse();
    }

    private static Checkpoint signed(SoftwareCheckpointSigner signer, String body) {
        String[] lines = body.split("\n");
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), Hash.fromBase64(lines[2]),
                Instant.parse(lines[3].substring("timestamp ".length())),
                signer.sign(body.getBytes(StandardCharsets.UTF_8)));
    }
}
