package io.cairn.http;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON Schemas of request and response types, derived from the Java types themselves so the OpenAPI
 * description cannot drift from the code: records become objects (non-{@link Optional} components are
 * required, nothing else is accepted), collections arrays, enums string enumerations.
 */
final class JsonSchemas {
    private final Map<String, Object> components = new TreeMap<>();

    /** Named object schemas collected so far, for {@code components/schemas}. */
    Map<String, Object> components() {
        return components;
    }

    /** The schema of a type, registering records as named components. */
    Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType p) {
            return parameterized(p);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return Map.of("type", "string");
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == UUID.class) {
            return Map.of("type", "string", "format", "uuid");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == int.class || c == Integer.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == double.class || c == Double.class) {
            return Map.of("type", "number");
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (c.isRecord()) {
            return reference(c);
        }
        return Map.of("type", "object");
    }

    private Map<String, Object> parameterized(ParameterizedType p) {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (raw == Optional.class) {
            return schema(args[0]);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return Map.of("type", "array", "items", schema(args[0]));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of("type", "object", "additionalProperties", schema(args[1]));
        }
        return Map.of("type", "object");
    }

    private Map<String, Object> reference(Class<?> record) {
        String name = record.getSimpleName();
        if (!components.containsKey(name)) {
            components.put(name, Map.of());
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (RecordComponent component : record.getRecordComponents()) {
                properties.put(component.getName(), schema(component.getGenericType()));
                if (component.getType() != Optional.class) {
                    required.add(component.getName());
                }
            }
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("type", "object");
            object.put("additionalProperties", false);
            object.put("properties", properties);
            if (!required.isEmpty()) {
                object.put("required", required);
            }
            components.put(name, object);
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }
}
