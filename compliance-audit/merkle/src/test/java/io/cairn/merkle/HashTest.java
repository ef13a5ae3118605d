package io.cairn.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The hash value type and the RFC 6962 hashing primitives. */
class HashTest {
    @Test
    void leafAndNodeHashesUseDistinctPrefixes() {
        Hash emptyLeaf = TreeHasher.leafHash(new byte[0]);
        assertThat(emptyLeaf.hex()).isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(TreeHasher.nodeHash(emptyLeaf, emptyLeaf)).isNotEqualTo(emptyLeaf);
        byte[] concatenated = new byte[64];
        emptyLeaf.copyTo(concatenated, 0);
        emptyLeaf.copyTo(concatenated, 32);
        byte[] withPrefix = new byte[65];
        withPrefix[0] = 1;
        System.arraycopy(concatenated, 0, withPrefix, 1, 64);
        assertThat(TreeHasher.nodeHash(emptyLeaf, emptyLeaf).bytes())
                .isEqualTo(TreeHasher.newDigest().digest(withPrefix));
    }

    @Test
    void hashesAreImmutableValues() {
        byte[] bytes = new byte[32];
        Hash hash = Hash.of(bytes);
        bytes[0] = 1;
        hash.bytes()[1] = 1;
        assertThat(hash).isEqualTo(Hash.fromHex("00".repeat(32))).hasSameHashCodeAs(Hash.of(new byte[32]));
        assertThat(Hash.fromBase64(hash.base64())).isEqualTo(hash);
    }

    @Test
    void onlyThirtyTwoByteValuesAreHashes() {
        assertThatThrownBy(() -> Hash.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hash.fromBase64("V3JvbmdMZWFm")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hash.fromHex("zz")).isInstanceOf(IllegalArgumentException.class);
    }
}
