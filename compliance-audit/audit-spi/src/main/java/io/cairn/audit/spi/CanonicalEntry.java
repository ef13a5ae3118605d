package io.cairn.audit.spi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The canonical bytes of a journal entry: exactly one byte string per {@link AuditEvent}, which is what
 * the Merkle leaf hash {@code SHA-256(0x00 || entry)} covers.
 *
 * <pre>
 * entry      = version:u8 (=1) type:str actor:str subject:str seconds:i64 nanos:u32
 *              idempotency-key:opt-str payload-sha256:opt-digest count:u32 (name:str value:str){count}
 * str        = length:u32 UTF-8-bytes[length]
 * opt-str    = 0x00 | 0x01 str
 * opt-digest = 0x00 | 0x01 bytes[32]
 * </pre>
 *
 * <p>Integers are big-endian; {@code seconds} and {@code nanos} are the event time since the Unix epoch
 * (nanos 0 to 999,999,999); attributes are sorted by name (ASCII), names unique. Decoding is strict:
 * it rejects other versions, truncated or trailing bytes, invalid UTF-8, unsorted or repeated names and
 * anything {@link AuditEvent} rejects, so every accepted byte string re-encodes to itself.
 */
public final class CanonicalEntry {
    /** The encoding version written in the first byte. */
    public static final int VERSION = 1;
    /** Largest encoded entry. */
    public static final int MAX_LENGTH = 1 << 20;

    private CanonicalEntry() {
    }

    /**
     * The canonical bytes of an event.
     *
     * @param event the event
     * @return its entry bytes
     * @throws IllegalArgumentException when the entry would exceed {@link #MAX_LENGTH}
     */
    public static byte[] encode(AuditEvent event) {
        Writer out = new Writer();
        out.u8(VERSION);
        out.str(event.type());
        out.str(event.actor());
        out.str(event.subject());
        out.i64(event.occurredAt().getEpochSecond());
        out.u32(event.occurredAt().getNano());
        out.optionalBytes(event.idempotencyKey().map(CanonicalEntry::utf8));
        out.optionalDigest(event.payloadSha256().map(HexFormat.of()::parseHex));
        out.u32(event.attributes().size());
        event.attributes().forEach((name, value) -> {
            out.str(name);
            out.str(value);
        });
        byte[] bytes = out.toByteArray();
        if (bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("an entry is at most " + MAX_LENGTH + " bytes, this one has " + bytes.length);
        }
        return bytes;
    }

    /**
     * The event an entry encodes.
     *
     * @param entry canonical entry bytes
     * @return the event
     * @throws IllegalArgumentException when the bytes are not a canonical entry, saying why
     */
    public static AuditEvent decode(byte[] entry) {
        ByteBuffer in = ByteBuffer.wrap(entry);
        try {
            int version = Byte.toUnsignedInt(in.get());
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown entry version " + version);
            }
            String type = str(in);
            String actor = str(in);
            String subject = str(in);
            Instant occurredAt = instant(in.getLong(), Integer.toUnsignedLong(in.getInt()));
            Optional<String> key = optional(in, -1).map(CanonicalEntry::text);
            Optional<String> digest = optional(in, 32).map(HexFormat.of()::formatHex);
            SortedMap<String, String> attributes = attributes(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last attribute");
            }
            return new AuditEvent(type, actor, subject, occurredAt, key, digest, attributes);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("entry is truncated", e);
        } catch (io.cairn.kernel.CairnException e) {
            throw new IllegalArgumentException("entry holds an invalid event: " + e.getMessage(), e);
        }
    }

    private static Instant instant(long seconds, long nanos) {
        if (nanos > 999_999_999L) {
            throw new IllegalArgumentException("nanos out of range: " + nanos);
        }
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time out of range", e);
        }
    }

    private static SortedMap<String, String> attributes(ByteBuffer in) {
        long count = Integer.toUnsignedLong(in.getInt());
        if (count > AuditEvent.MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("too many attributes: " + count);
        }
        SortedMap<String, String> attributes = new TreeMap<>();
        String previous = null;
        for (long i = 0; i < count; i++) {
            String name = str(in);
            if (previous != null && previous.compareTo(name) >= 0) {
                throw new IllegalArgumentException("attribute names are not strictly sorted at '" + name + "'");
            }
            attributes.put(name, str(in));
            previous = name;
        }
        return attributes;
    }

    private static Optional<byte[]> optional(ByteBuffer in, int fixedLength) {
        int flag = Byte.toUnsignedInt(in.get());
        if (flag == 0) {
            return Optional.empty();
        }
        if (flag != 1) {
            throw new IllegalArgumentException("presence flag must be 0 or 1, not " + flag);
        }
        return Optional.of(fixedLength < 0 ? bytes(in) : take(in, fixedLength));
    }

    private static String str(ByteBuffer in) {
        return text(bytes(in));
    }

    private static byte[] bytes(ByteBuffer in) {
        long length = Integer.toUnsignedLong(in.getInt());
        if (length > in.remaining()) {
            throw new IllegalArgumentException("a string of " + length + " bytes runs past the end of the entry");
        }
        return take(in, (int) length);
    }

    private static byte[] take(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static String text(byte[] utf8) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a string is not valid UTF-8", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Appends big-endian fields. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        private final byte[] scratch = new byte[8];

        void u8(int value) {
            out.write(value);
        }

        void u32(long value) {
            ByteBuffer.wrap(scratch).putInt((int) value);
            out.write(scratch, 0, 4);
        }

        void i64(long value) {
            ByteBuffer.wrap(scratch).putLong(value);
            out.write(scratch, 0, 8);
        }

        void str(String text) {
            bytes(utf8(text));
        }

        void bytes(byte[] bytes) {
            u32(bytes.length);
            out.writeBytes(bytes);
        }

        void optionalBytes(Optional<byte[]> value) {
            u8(value.isPresent() ? 1 : 0);
            value.ifPresent(this::bytes);
        }

        void optionalDigest(Optional<byte[]> digest) {
            u8(digest.isPresent() ? 1 : 0);
            digest.ifPresent(out::writeBytes);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

}
