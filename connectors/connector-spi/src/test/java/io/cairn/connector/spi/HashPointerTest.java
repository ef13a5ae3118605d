package io.cairn.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HashPointerTest {

    private static final long SEED = Long.getLong("cairn.test.seed", 20261121L);
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789._-";

    @Test
    void applicationIdsRoundTripThroughBytes32() {
        java.util.Random random = new java.util.Random(SEED);
        for (int i = 0; i < 1000; i++) {
            StringBuilder id = new StringBuilder();
            int length = 1 + random.nextInt(32);
            for (int c = 0; c < length; c++) {
                id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
            }
            String application = id.toString();
            if (!Character.isLetterOrDigit(application.charAt(0))) {
                continue;
            }
            HashPointer pointer = new HashPointer(new byte[32], application, 0);
            assertThat(HashPointer.applicationFromBytes32(pointer.applicationBytes32()))
                    .as("seed %d case %d", SEED, i).isEqualTo(application);
        }
    }

    @Test
    void equalityIsByValueAndDigestIsCopied() {
        java.util.Random random = new java.util.Random(SEED);
        for (int i = 0; i < 200; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            equalityHolds(digest);
        }
    }

    private static void equalityHolds(byte[] digest) {
        HashPointer a = new HashPointer(digest, "app", 3);
        HashPointer b = new HashPointer(digest.clone(), "app", 3);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        a.digest()[0] ^= 1;
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(new HashPointer(digest, "app", 4));
    }

    @Test
    void invalidPointersAreRejected() {
        assertThatThrownBy(() -> new HashPointer(new byte[31], "app", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HashPointer(new byte[32], "App", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HashPointer(new byte[32], "a".repeat(33), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HashPointer(new byte[32], "app", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytes32ThatAreNotAPaddedIdAreRejected() {
        byte[] gap = new HashPointer(new byte[32], "ab", 0).applicationBytes32();
        gap[5] = 'c';
        assertThatThrownBy(() -> HashPointer.applicationFromBytes32(gap)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashPointer.applicationFromBytes32(new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
