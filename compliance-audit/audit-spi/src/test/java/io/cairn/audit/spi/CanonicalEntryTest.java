package io.cairn.audit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanonicalEntryTest {
    private static final long SEED = Long.getLong("cairn.test.seed", 20_261_121L);
    private static final Instant AT = Instant.ofEpochSecond(1_767_225_600L, 123_456_789);

    @Test
    void encodingFollowsTheDocumentedLayoutByteForByte() {
        AuditEvent event = AuditEvent.of("identity.user-created", "u-1", "users/alice", AT)
                .withIdempotencyKey("req-7")
                .withPayloadSha256("ab".repeat(32))
                .withAttribute("role", "auditor")
                .withAttribute("name", "Älice");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(1);
        str(expected, "identity.user-created");
        str(expected, "u-1");
        str(expected, "users/alice");
        expected.writeBytes(ByteBuffer.allocate(12).putLong(1_767_225_600L).putInt(123_456_789).array());
        expected.write(1);
        str(expected, "req-7");
        expected.write(1);
        byte[] digest = new byte[32];
        Arrays.fill(digest, (byte) 0xab);
        expected.writeBytes(digest);
        expected.writeBytes(ByteBuffer.allocate(4).putInt(2).array());
        str(expected, "name");
        str(expected, "Älice");
        str(expected, "role");
        str(expected, "auditor");
        assertThat(CanonicalEntry.encode(event)).isEqualTo(expected.toByteArray());
    }

    @Test
    void absentOptionalsAreSingleZeroBytes() {
        byte[] bytes = CanonicalEntry.encode(AuditEvent.of("a.b", "x", "", Instant.EPOCH));
        // version, 3 strings (4+3, 4+1, 4+0), 12 bytes of time, two absent flags, attribute count
        assertThat(bytes).hasSize(1 + 7 + 5 + 4 + 12 + 2 + 4);
        assertThat(bytes[bytes.length - 6]).isZero();
        assertThat(bytes[bytes.length - 5]).isZero();
    }

    @Test
    void randomEventsRoundTripAndEqualEventsEncodeEqually() {
        Random random = new Random(SEED);
        for (int i = 0; i < 500; i++) {
            AuditEvent event = randomEvent(random);
            byte[] bytes = CanonicalEntry.encode(event);
            AuditEvent decoded = CanonicalEntry.decode(bytes);
            assertThat(decoded).as("seed %d case %d", SEED, i).isEqualTo(event);
            assertThat(CanonicalEntry.encode(decoded)).isEqualTo(bytes);
        }
    }

    @Test
    void everyTruncationAndAnyTrailingByteIsRejected() {
        byte[] bytes = CanonicalEntry.encode(randomEvent(new Random(SEED)));
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> CanonicalEntry.decode(truncated)).as("length %d", length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> CanonicalEntry.decode(padded)).hasMessageContaining("after the last attribute");
    }

    @Test
    void otherVersionsUnsortedNamesAndBadUtf8AreRejected() {
        byte[] bytes = CanonicalEntry.encode(AuditEvent.of("a.b", "x", "s", AT).withAttribute("b", "1").withAttribute("c", "2"));
        byte[] version2 = bytes.clone();
        version2[0] = 2;
        assertThatThrownBy(() -> CanonicalEntry.decode(version2)).hasMessageContaining("version 2");
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\u0001c", "\u0001a");
        byte[] unsorted = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CanonicalEntry.decode(unsorted)).hasMessageContaining("not strictly sorted");
        byte[] badUtf8 = bytes.clone();
        badUtf8[bytes.length - 1] = (byte) 0xff;
        assertThatThrownBy(() -> CanonicalEntry.decode(badUtf8)).hasMessageContaining("UTF-8");
    }

    @Test
    void invalidEventsAreCataloguedErrorsNamingTheField() {
        assertThatThrownBy(() -> AuditEvent.of("NoDots", "x", "", AT)).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.JOURNAL_EVENT_INVALID);
            assertThat(e.field()).contains("type");
        });
        assertThatThrownBy(() -> AuditEvent.of("a.b", "x", "", AT).withAttribute("Upper", "v"))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("attributes"));
        assertThatThrownBy(() -> AuditEvent.of("a.b", "x", "", AT).withIdempotencyKey("has space"))
                .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.field()).contains("idempotencyKey"));
    }

    private static AuditEvent randomEvent(Random random) {
        AuditEvent event = AuditEvent.of("area" + random.nextInt(5) + ".event-" + random.nextInt(100),
                "actor-" + random.nextInt(), randomText(random), Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000)));
        if (random.nextBoolean()) {
            event = event.withIdempotencyKey("k" + Long.toHexString(random.nextLong()));
        }
        if (random.nextBoolean()) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            event = event.withPayloadSha256(java.util.HexFormat.of().formatHex(digest));
        }
        for (int i = random.nextInt(6); i > 0; i--) {
            event = event.withAttribute("attr." + random.nextInt(20), randomText(random));
        }
        return event;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.appendCodePoint(random.nextInt(4) == 0 ? 0x1F600 + random.nextInt(50) : 0x20 + random.nextInt(0x3000));
        }
        return text.toString();
    }

    private static void str(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
        out.writeBytes(utf8);
    }
}
