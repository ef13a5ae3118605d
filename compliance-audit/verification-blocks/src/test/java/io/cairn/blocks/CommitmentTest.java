package io.cairn.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Plain and salted commitments. */
class CommitmentTest {
    private static final byte[] PAYLOAD = "{\"name\":\"Alice\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aPlainCommitmentIsTheSha256OfThePayload() throws Exception {
        Commitment c = Commitment.of(PAYLOAD, false);
        assertThat(c.salt()).isEmpty();
        assertThat(c.digest().bytes()).isEqualTo(BlockHashingTest.sha256(PAYLOAD));
        assertThat(c.matches(PAYLOAD)).isTrue();
        assertThat(c.matches("{\"name\":\"Bob\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void aSaltedCommitmentHashesAFreshSaltBeforeThePayload() throws Exception {
        Commitment first = Commitment.of(PAYLOAD, true);
        Commitment second = Commitment.of(PAYLOAD, true);
        byte[] salt = first.salt().orElseThrow();
        assertThat(salt).hasSize(32);
        assertThat(first.digest().bytes()).isEqualTo(BlockHashingTest.sha256(salt, PAYLOAD));
        assertThat(first.digest().bytes()).isNotEqualTo(BlockHashingTest.sha256(PAYLOAD));
        assertThat(second.salt().orElseThrow()).isNotEqualTo(salt);
        assertThat(second.digest()).isNotEqualTo(first.digest());
        assertThat(first.matches(PAYLOAD)).isTrue();
        assertThat(new Commitment(first.digest(), second.salt()).matches(PAYLOAD)).isFalse();
    }
}
