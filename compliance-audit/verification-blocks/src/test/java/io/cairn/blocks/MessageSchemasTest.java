package io.cairn.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.cairn.http.Json;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema checks at definition time and payload validation errors naming JSON pointers. */
class MessageSchemasTest {
    static final String PAYMENT_SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "required": ["amount", "currency"], "additionalProperties": false,
             "properties": {"amount": {"type": "integer", "minimum": 1},
                            "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
                            "lines": {"type": "array", "items": {"type": "integer"}}}}""";

    @Test
    void validPayloadsPassAndViolationsNameTheirPointers() {
        JsonSchema schema = MessageSchemas.compile(json(PAYMENT_SCHEMA));
        MessageSchemas.validate(schema, MessageSchemas.parse(bytes("{\"amount\":5,\"currency\":\"EUR\"}")));
        CairnException e = violation(schema, "{\"amount\":0,\"currency\":\"euro\",\"extra\":1}");
        assertThat(e.error()).isEqualTo(ErrorCode.JOURNAL_PAYLOAD_SCHEMA_VIOLATION);
        assertThat(pointers(e)).contains("/amount", "/currency");
        assertThat(e.extensions().get("violationCount")).isEqualTo(3);
    }

    @Test
    void theListOfViolationsIsCapped() {
        JsonSchema schema = MessageSchemas.compile(json(PAYMENT_SCHEMA));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            lines.append(i == 0 ? "" : ",").append("\"x").append(i).append('"');
        }
        CairnException e = violation(schema, "{\"amount\":5,\"currency\":\"EUR\",\"lines\":[" + lines + "]}");
        assertThat(pointers(e)).hasSize(MessageSchemas.MAX_REPORTED_VIOLATIONS).allMatch(p -> p.startsWith("/lines/"));
        assertThat(e.extensions().get("violationCount")).isEqualTo(30);
    }

    @Test
    void invalidSchemasOtherDialectsAndExternalReferencesAreRefused() {
        assertSchemaInvalid("{\"type\": 12}");
        assertSchemaInvalid("{\"minimum\": \"one\"}");
        assertSchemaInvalid("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\"}");
        assertThatThrownBy(() -> MessageSchemas.compile(json("{\"$ref\": \"https://example.invalid/schema.json\"}")))
                .isInstanceOf(CairnException.class).hasMessageContaining("not allowed to be loaded");
        assertSchemaInvalid("{\"description\": \"" + "x".repeat(MessageSchemas.MAX_SCHEMA_BYTES) + "\"}");
        MessageSchemas.compile(json("{\"$defs\": {\"a\": {\"type\": \"string\"}}, \"$ref\": \"#/$defs/a\"}"));
    }

    @Test
    void payloadsMustBeStrictUtf8JsonWithoutDuplicateKeys() {
        for (byte[] bad : List.of(bytes("{\"a\":1,\"a\":2}"), bytes("{\"a\":1} x"), bytes(""), bytes("{\"a\":"),
                new byte[] {'"', (byte) 0xC3, '"'}, bytes("\uFEFF{}"))) {
            assertThatThrownBy(() -> MessageSchemas.parse(bad)).isInstanceOf(CairnException.class)
                    .extracting(e -> ((CairnException) e).error()).isEqualTo(ErrorCode.JOURNAL_PAYLOAD_MALFORMED);
        }
        assertThat(MessageSchemas.parse(bytes("{\"b\":{\"a\":1},\"c\":{\"a\":2}}")).path("c").path("a").asInt())
                .isEqualTo(2);
    }

    private static void assertSchemaInvalid(String schema) {
        assertThatThrownBy(() -> MessageSchemas.compile(json(schema))).isInstanceOf(CairnException.class)
                .extracting(e -> ((CairnException) e).error()).isEqualTo(ErrorCode.JOURNAL_MESSAGE_SCHEMA_INVALID);
    }

    private static CairnException violation(JsonSchema schema, String payload) {
        try {
            MessageSchemas.validate(schema, MessageSchemas.parse(bytes(payload)));
        } catch (CairnException e) {
            return e;
        }
        throw new AssertionError("payload was accepted: " + payload);
    }

    @SuppressWarnings("unchecked")
    private static List<String> pointers(CairnException e) {
        return ((List<MessageSchemas.Violation>) e.extensions().get("violations")).stream()
                .map(MessageSchemas.Violation::pointer).toList();
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
