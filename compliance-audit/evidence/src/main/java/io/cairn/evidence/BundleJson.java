package io.cairn.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.merkle.Hash;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One JSON object of a bundle file read strictly: exactly the expected fields, each of the documented type
 * and in its canonical spelling (lower-case hex, padded standard base64, instants as written), so that no
 * byte of a bundle can change without changing a value.
 */
final class BundleJson {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private final JsonNode node;
    private final String item;

    private BundleJson(JsonNode node, String item) {
        this.node = node;
        this.item = item;
    }

    /** Parses one JSON object with exactly the given fields. */
    static BundleJson parse(byte[] json, String item, List<String> fields) {
        JsonNode node;
        try {
            node = BundleLayout.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BundleDefect(item, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new BundleDefect(item, "not valid JSON");
        }
        return of(node, item, fields);
    }

    /** Wraps a parsed value that must be an object with exactly the given fields. */
    static BundleJson of(JsonNode node, String item, List<String> fields) {
        if (node == null || !node.isObject()) {
            throw new BundleDefect(item, "expected a JSON object");
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new BundleDefect(item, "unknown field \"" + name + "\"");
            }
        }
        for (String name : fields) {
            if (!node.has(name)) {
                throw new BundleDefect(item, "missing field \"" + name + "\"");
            }
        }
        return new BundleJson(node, item);
    }

    String item() {
        return item;
    }

    String text(String name) {
        return typed(name, JsonNode::isTextual, "must be text").textValue();
    }

    long count(String name) {
        return typed(name, v -> v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0,
                "must be a non-negative whole number").longValue();
    }

    boolean bool(String name) {
        return typed(name, JsonNode::isBoolean, "must be true or false").booleanValue();
    }

    private JsonNode typed(String name, Predicate<JsonNode> expected, String problem) {
        JsonNode value = node.get(name);
        if (!expected.test(value)) {
            throw defect(name, problem);
        }
        return value;
    }

    String hex64(String name) {
        return hex64(text(name), name);
    }

    String hex64(String value, String name) {
        if (!HEX64.matcher(value).matches()) {
            throw defect(name, "must be 64 lower-case hexadecimal digits");
        }
        return value;
    }

    byte[] base64(String name) {
        String value = text(name);
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            if (Base64.getEncoder().encodeToString(bytes).equals(value)) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            throw defect(name, "is not base64");
        }
        throw defect(name, "is not canonical padded standard base64");
    }

    Hash hash(String name) {
        byte[] bytes = base64(name);
        if (bytes.length != Hash.LENGTH) {
            throw defect(name, "must be a base64 SHA-256 hash (32 bytes), has " + bytes.length + " bytes");
        }
        return Hash.of(bytes);
    }

    /** An instant written as {@link Instant#toString()} writes it. */
    Instant instant(String name) {
        return instant(name, Instant::parse, Instant::toString, "an ISO-8601 UTC instant");
    }

    /** An instant with exactly millisecond precision, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
    Instant millisInstant(String name) {
        return instant(name, text -> Instant.from(BlockHashing.CREATED_AT.parse(text)), BlockHashing::createdAt,
                "a UTC instant with milliseconds (yyyy-MM-ddTHH:mm:ss.SSSZ)");
    }

    private Instant instant(String name, Function<String, Instant> parse, Function<Instant, String> format,
                            String expected) {
        String value = text(name);
        Instant instant;
        try {
            instant = parse.apply(value);
        } catch (DateTimeException e) {
            throw defect(name, "is not " + expected);
        }
        if (!format.apply(instant).equals(value)) {
            throw defect(name, "is not in canonical form (" + format.apply(instant) + ")");
        }
        return instant;
    }

    /** A nested object with exactly the given fields. */
    BundleJson object(String name, List<String> fields) {
        return of(node.get(name), item + " " + name, fields);
    }

    List<JsonNode> array(String name) {
        List<JsonNode> items = new ArrayList<>();
        typed(name, JsonNode::isArray, "must be a list").forEach(items::add);
        return items;
    }

    /** A list of 64-digit hex strings. */
    List<byte[]> hexList(String name) {
        List<byte[]> values = new ArrayList<>();
        List<JsonNode> items = array(name);
        for (int i = 0; i < items.size(); i++) {
            JsonNode value = items.get(i);
            String where = name + "[" + i + "]";
            if (!value.isTextual()) {
                throw defect(where, "must be 64 lower-case hexadecimal digits");
            }
            values.add(HexFormat.of().parseHex(hex64(value.textValue(), where)));
        }
        return values;
    }

    BundleDefect defect(String field, String problem) {
        return new BundleDefect(item, "field \"" + field + "\" " + problem);
    }
}
