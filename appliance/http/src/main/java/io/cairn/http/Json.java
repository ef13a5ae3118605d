package io.cairn.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one JSON configuration of the API: strict on input (unknown fields, wrong types, nulls for
 * primitives, trailing data and coercions are errors that name the field), plain on output (ISO-8601
 * instants, no nulls).
 */
public final class Json {
    private static final ObjectMapper MAPPER = create();

    private Json() {
    }

    /** The shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serialises a value. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new CairnException(ErrorCode.SYS_INTERNAL, "response could not be serialised", e);
        }
    }

    /**
     * Reads a request body strictly.
     *
     * @throws CairnException {@code CAIRN-API-0001} malformed, {@code 0002} unknown field, {@code 0003} wrong
     *                        type, {@code 0004} a field breaks a rule; the field is named in {@code field}
     */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new CairnException(ErrorCode.API_MALFORMED_JSON, "the request body is empty; a JSON object is expected");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw CairnException.field(ErrorCode.API_UNKNOWN_FIELD, path(e),
                    "unknown field '" + path(e) + "'; known fields: " + e.getKnownPropertyIds().stream()
                            .map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CairnException ce) {
                throw ce;
            }
            missingField(body, type).ifPresent(f -> {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, f, "field '" + f + "' is required");
            });
            String field = path(e);
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, field, describeInvalid(field, cause));
        } catch (InvalidFormatException e) {
            throw CairnException.field(ErrorCode.API_WRONG_TYPE, path(e), "field '" + path(e) + "' expects "
                    + typeName(e.getTargetType()) + ", got " + e.getValue());
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw new CairnException(ErrorCode.API_MALFORMED_JSON, "the request body must be a JSON object");
            }
            throw CairnException.field(ErrorCode.API_WRONG_TYPE, field, "field '" + field + "' expects "
                    + typeName(e.getTargetType()));
        } catch (JsonParseException e) {
            throw new CairnException(ErrorCode.API_MALFORMED_JSON, "the request body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (JsonMappingException e) {
            throw new CairnException(ErrorCode.API_MALFORMED_JSON, "the request body is not valid JSON");
        } catch (IOException e) {
            throw new CairnException(ErrorCode.API_MALFORMED_JSON, "the request body could not be read");
        }
    }

    /** The first required record component that the JSON object lacks or sets to null. */
    private static Optional<String> missingField(byte[] body, Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == Optional.class || component.getType().isPrimitive()) {
                    continue;
                }
                JsonNode value = tree.get(component.getName());
                if (value == null || value.isNull()) {
                    return Optional.of(component.getName());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String describeInvalid(String field, Throwable cause) {
        String message = cause.getMessage() == null ? "invalid value" : cause.getMessage();
        return field.isEmpty() ? message : "field '" + field + "': " + message;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static ObjectMapper create() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT,
                        JsonInclude.Include.NON_ABSENT))
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).build());
        // numbers and booleans are not text, and text is not a number: no silent conversions either way
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
