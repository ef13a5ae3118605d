package io.cairn.audit.spi;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Something that happened, as the journal records it.
 *
 * <p>Attribute names are ASCII, so sorting them by {@link String#compareTo} is the same as sorting
 * their UTF-8 bytes, which is the order of the canonical encoding ({@link CanonicalEntry}).
 *
 * @param type           dotted lower-case event type, e.g. {@code identity.user-created}
 * @param actor          who did it (user id, member id or {@code system:<component>})
 * @param subject        what it was done to (resource path or identifier); may be empty
 * @param occurredAt     when it happened, as the recording module saw it
 * @param idempotencyKey a key making retries safe: appending an event with a key already journaled
 *                       answers the first receipt when the event is the same, and fails otherwise
 * @param payloadSha256  SHA-256 of an off-journal payload, 64 lower-case hexadecimal digits
 * @param attributes     further facts, name to value; names match {@code [a-z0-9][a-z0-9._-]*}
 */
public record AuditEvent(String type, String actor, String subject, Instant occurredAt,
                         Optional<String> idempotencyKey, Optional<String> payloadSha256,
                         SortedMap<String, String> attributes) {
    /** Longest event type, actor, subject or attribute name in characters. */
    public static final int MAX_NAME_LENGTH = 1024;
    /** Largest number of attributes. */
    public static final int MAX_ATTRIBUTES = 256;
    /** Longest attribute value in characters. */
    public static final int MAX_VALUE_LENGTH = 65_536;

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Validates the event and freezes the attributes in name order. */
    public AuditEvent {
        check(type != null && type.length() <= 128 && TYPE.matcher(type).matches(), "type",
                "the event type must be dotted lower-case words such as 'identity.user-created'");
        check(actor != null && !actor.isEmpty() && actor.length() <= MAX_NAME_LENGTH, "actor",
                "the actor must be 1 to " + MAX_NAME_LENGTH + " characters");
        check(subject != null && subject.length() <= MAX_NAME_LENGTH, "subject",
                "the subject must be at most " + MAX_NAME_LENGTH + " characters");
        check(occurredAt != null, "occurredAt", "the time of the event is required");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(payloadSha256, "payloadSha256");
        check(idempotencyKey.map(k -> KEY.matcher(k).matches()).orElse(true), "idempotencyKey",
                "an idempotency key is 1 to 200 printable ASCII characters without spaces");
        check(payloadSha256.map(d -> SHA256.matcher(d).matches()).orElse(true), "payloadSha256",
                "the payload digest is 64 lower-case hexadecimal digits");
        attributes = freeze(attributes);
    }

    /**
     * An event without idempotency key, payload digest or attributes.
     *
     * @param type       dotted event type
     * @param actor      who did it
     * @param subject    what it was done to
     * @param occurredAt when
     * @return the event
     */
    public static AuditEvent of(String type, String actor, String subject, Instant occurredAt) {
        return new AuditEvent(type, actor, subject, occurredAt, Optional.empty(), Optional.empty(), new TreeMap<>());
    }

    /** This event with an idempotency key. */
    public AuditEvent withIdempotencyKey(String key) {
        return new AuditEvent(type, actor, subject, occurredAt, Optional.of(key), payloadSha256, attributes);
    }

    /** This event with the SHA-256 (lower-case hex) of an off-journal payload. */
    public AuditEvent withPayloadSha256(String digest) {
        return new AuditEvent(type, actor, subject, occurredAt, idempotencyKey, Optional.of(digest), attributes);
    }

    /** This event with one more attribute (replacing a value of the same name). */
    public AuditEvent withAttribute(String name, String value) {
        SortedMap<String, String> more = new TreeMap<>(attributes);
        more.put(name, value);
        return new AuditEvent(type, actor, subject, occurredAt, idempotencyKey, payloadSha256, more);
    }

    private static SortedMap<String, String> freeze(Map<String, String> attributes) {
        Objects.requireNonNull(attributes, "attributes");
        check(attributes.size() <= MAX_ATTRIBUTES, "attributes", "at most " + MAX_ATTRIBUTES + " attributes");
        TreeMap<String, String> sorted = new TreeMap<>();
        attributes.forEach((name, value) -> {
            check(name != null && ATTRIBUTE.matcher(name).matches(), "attributes",
                    "attribute names are lower-case ASCII words matching [a-z0-9][a-z0-9._-]*, up to 128 characters");
            check(value != null && value.length() <= MAX_VALUE_LENGTH, "attributes." + name,
                    "attribute values are text of at most " + MAX_VALUE_LENGTH + " characters");
            sorted.put(name, value);
        });
        return Collections.unmodifiableSortedMap(sorted);
    }

    private static void check(boolean condition, String field, String detail) {
        if (!condition) {
            throw CairnException.field(ErrorCode.JOURNAL_EVENT_INVALID, field, detail);
        }
    }
}
