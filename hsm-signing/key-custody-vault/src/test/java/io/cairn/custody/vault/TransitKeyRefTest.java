package io.cairn.custody.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeySpec;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Key names and handle ids: every generated id round-trips, fits a KeyHandle, and malformed ids are not ours. */
class TransitKeyRefTest {
    private static final long SEED = 0x5EED_7A11L;
    private static final String LABEL_CHARS = "abcXYZ019._-";

    @Test
    void generatedIdsRoundTripForRandomLabels() {
        Random random = new Random(SEED);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String label = randomLabel(random);
            assertThat(new KeySpec(label, Curve.P256).label()).isEqualTo(label);
            TransitKeyRef ref = TransitKeyRef.create(label).atVersion(1 + random.nextInt(999_999_999));
            assertThat(names.add(ref.name())).as("names are new").isTrue();
            assertThat(new KeyHandle(VaultKeyCustody.BACKEND, ref.id()).id()).isEqualTo(ref.id());
            assertThat(TransitKeyRef.parse(ref.id())).contains(ref);
            assertThat(ref.name()).matches("\\w([\\w.-]*\\w)?").startsWith(label);
        }
    }

    @Test
    void idsNameTheLabelTheRandomSuffixAndTheVersion() {
        TransitKeyRef ref = TransitKeyRef.parse("ledger.v2-a.0123456789abcdef01234567:v12").orElseThrow();
        assertThat(ref.label()).isEqualTo("ledger.v2-a");
        assertThat(ref.suffix()).isEqualTo("0123456789abcdef01234567");
        assertThat(ref.version()).isEqualTo(12);
        assertThat(ref.name()).isEqualTo("ledger.v2-a.0123456789abcdef01234567");
        assertThat(ref.atVersion(13).id()).isEqualTo("ledger.v2-a.0123456789abcdef01234567:v13");
    }

    @Test
    void idsOfOtherShapesAreNotOurs() {
        for (String id : new String[] {"tck-no-such-key", "ec-8b0c", "label.0123456789abcdef01234567",
                "label.0123456789abcdef01234567:v0", "label.0123456789abcdef01234567:v01",
                "label.0123456789ABCDEF01234567:v1", "label.0123456789abcdef0123456:v1", ".0123456789abcdef01234567:v1",
                "label.0123456789abcdef01234567:v1234567890", "a/b.0123456789abcdef01234567:v1"}) {
            assertThat(TransitKeyRef.parse(id)).as(id).isEqualTo(Optional.empty());
        }
    }

    @Test
    void randomTextIsNeverMistakenForAnId() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 10_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(60); j > 0; j--) {
                text.append("ab.:v019-_/".charAt(random.nextInt(11)));
            }
            assertThat(TransitKeyRef.parse(text.toString())).isEmpty();
        }
    }

    private static String randomLabel(Random random) {
        StringBuilder label = new StringBuilder().append("aZ0".charAt(random.nextInt(3)));
        for (int j = random.nextInt(64); j > 0; j--) {
            label.append(LABEL_CHARS.charAt(random.nextInt(LABEL_CHARS.length())));
        }
        return label.toString();
    }
}
