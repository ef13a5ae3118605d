package io.cairn.blocks;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Application message schemas: JSON Schema draft 2020-12, checked against the draft's meta-schema when an
 * application is defined, and payload validation whose errors name the failing JSON pointers.
 *
 * <p>Schemas may only refer to the draft's own meta-schemas (bundled); no reference is ever fetched from the
 * network or the file system.
 */
public final class MessageSchemas {
    /** Largest schema, in bytes of its compact JSON form. */
    public static final int MAX_SCHEMA_BYTES = 64 * 1024;
    /** Most violations listed in one problem. */
    public static final int MAX_REPORTED_VIOLATIONS = 20;
    /** The only {@code $schema} a message schema may declare (it may also declare none). */
    public static final String DIALECT = SchemaId.V202012;

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(
                    iri -> iri.toString().startsWith("classpath:")))));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).build();
    private static final JsonSchema META_SCHEMA = FACTORY.getSchema(SchemaLocation.of(DIALECT), CONFIG);
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build());
    }

    private MessageSchemas() {
    }

    /** One way a JSON document breaks a schema. */
    public record Violation(String pointer, String message) {
    }

    /**
     * Checks and compiles a message schema.
     *
     * @throws CairnException {@code CAIRN-JOURNAL-0103} with the violations when it is too large, declares
     *                        another dialect, breaks the meta-schema or refers to anything outside itself
     */
    public static JsonSchema compile(JsonNode schema) {
        int size = compactSize(schema);
        if (size > MAX_SCHEMA_BYTES) {
            throw invalid("the message schema is " + size + " bytes; at most " + MAX_SCHEMA_BYTES + " are allowed",
                    List.of());
        }
        JsonNode dialect = schema.path("$schema");
        if (!dialect.isMissingNode() && !DIALECT.equals(dialect.asText())) {
            throw invalid("message schemas use JSON Schema draft 2020-12: '$schema' must be absent or " + DIALECT,
                    List.of());
        }
        List<Violation> violations = report(META_SCHEMA.validate(schema));
        if (!violations.isEmpty()) {
            throw invalid("the message schema is not a valid JSON Schema (draft 2020-12)", violations);
        }
        try {
            JsonSchema compiled = FACTORY.getSchema(schema, CONFIG);
            compiled.initializeValidators();
            return compiled;
        } catch (JsonSchemaException | IllegalArgumentException e) {
            throw invalid("the message schema cannot be used: " + e.getMessage(), List.of());
        }
    }

    /**
     * Parses a payload as strict UTF-8 JSON: invalid UTF-8, duplicate object keys and trailing data are refused.
     *
     * @throws CairnException {@code CAIRN-JOURNAL-0104} when it is not such a document
     */
    public static JsonNode parse(byte[] payload) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("the payload is not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            throw malformed("the payload starts with a byte order mark");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (IOException e) {
            throw malformed("the payload is not a JSON document without duplicate keys: " + firstLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw malformed("the payload is empty; a JSON document is expected");
        }
        return node;
    }

    /**
     * Validates a payload document against a compiled schema.
     *
     * @throws CairnException {@code CAIRN-JOURNAL-0106} listing up to {@value #MAX_REPORTED_VIOLATIONS}
     *                        violations (JSON pointer and message) and the total count
     */
    public static void validate(JsonSchema schema, JsonNode document) {
        Collection<ValidationMessage> messages = schema.validate(document);
        if (messages.isEmpty()) {
            return;
        }
        List<Violation> violations = report(messages);
        throw new CairnException(ErrorCode.JOURNAL_PAYLOAD_SCHEMA_VIOLATION,
                "the payload breaks the application's message schema at " + violations.getFirst().pointer()
                        + " (" + messages.size() + " violation" + (messages.size() == 1 ? "" : "s") + ")",
                Map.of("violations", violations, "violationCount", messages.size()), null);
    }

    private static List<Violation> report(Collection<ValidationMessage> messages) {
        return messages.stream()
                .map(m -> new Violation(pointer(m), m.getMessage()))
                .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::message))
                .limit(MAX_REPORTED_VIOLATIONS).toList();
    }

    private static String pointer(ValidationMessage message) {
        String location = message.getInstanceLocation() == null ? "" : message.getInstanceLocation().toString();
        return location.isEmpty() ? "/" : location;
    }

    private static int compactSize(JsonNode schema) {
        try {
            return STRICT.writeValueAsBytes(schema).length;
        } catch (IOException e) {
            throw invalid("the message schema cannot be serialised", List.of());
        }
    }

    private static CairnException invalid(String detail, List<Violation> violations) {
        return new CairnException(ErrorCode.JOURNAL_MESSAGE_SCHEMA_INVALID, detail,
                Map.of("field", "messageSchema", "violations", violations), null);
    }

    private static CairnException malformed(String detail) {
        return CairnException.field(ErrorCode.JOURNAL_PAYLOAD_MALFORMED, "payload", detail);
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message;
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
