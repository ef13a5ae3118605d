package io.cairn.http;

import io.cairn.kernel.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 description of the API, generated from the endpoint declarations: every path, method,
 * allowed role ({@code x-cairn-roles}), body and answer schema, and the problem+json error shape.
 */
public final class OpenApiDocument {
    private static final Pattern PARAM = Pattern.compile("\\{([^/}]+)}");

    private OpenApiDocument() {
    }

    /** Builds the description. */
    public static Map<String, Object> of(List<Endpoint> endpoints, String version) {
        JsonSchemas schemas = new JsonSchemas();
        Map<String, Object> paths = new TreeMap<>();
        for (Endpoint endpoint : endpoints) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(endpoint.path(),
                    p -> new TreeMap<String, Object>());
            item.put(endpoint.method().toLowerCase(Locale.ROOT), operation(endpoint, schemas));
        }
        Map<String, Object> components = new LinkedHashMap<>();
        Map<String, Object> allSchemas = new TreeMap<>(schemas.components());
        allSchemas.put("Problem", problemSchema());
        components.put("schemas", allSchemas);
        components.put("securitySchemes", Map.of(
                "bearerToken", Map.of("type", "http", "scheme", "bearer"),
                "clientCertificate", Map.of("type", "mutualTLS")));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Cairn API", "version", version,
                "description", "Administration, signing and compliance-audit API of a Cairn appliance. Every "
                        + "operation requires authentication; x-cairn-roles lists the roles allowed to call it."));
        doc.put("security", List.of(Map.of("bearerToken", List.of()), Map.of("clientCertificate", List.of())));
        doc.put("paths", paths);
        doc.put("components", components);
        return doc;
    }

    private static Map<String, Object> operation(Endpoint endpoint, JsonSchemas schemas) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", endpoint.operationId());
        op.put("summary", endpoint.summary());
        op.put("x-cairn-roles", endpoint.roles().stream().map(r -> r.label()).sorted().toList());
        List<Map<String, Object>> parameters = new java.util.ArrayList<>();
        Matcher m = PARAM.matcher(endpoint.path());
        while (m.find()) {
            parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        endpoint.queryParameters().forEach(q -> parameters.add(
                Map.of("name", q, "in", "query", "required", false, "schema", Map.of("type", "string"))));
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        endpoint.requestType().ifPresent(t -> op.put("requestBody", Map.of("required", true,
                "content", Map.of("application/json", Map.of("schema", schemas.schema(t))))));
        op.put("responses", responses(endpoint, schemas));
        return op;
    }

    private static Map<String, Object> responses(Endpoint endpoint, JsonSchemas schemas) {
        Map<String, Object> responses = new TreeMap<>();
        Map<String, Object> success = new LinkedHashMap<>();
        success.put("description", "Success");
        endpoint.responseType().ifPresent(t -> success.put("content", BinaryBody.class.equals(t)
                ? Map.of("application/octet-stream", Map.of("schema", Map.of("type", "string", "format", "binary")))
                : Map.of("application/json", Map.of("schema", schemas.schema(t)))));
        responses.put(Integer.toString(endpoint.status()), success);
        Map<String, Object> problem = Map.of("description", "Problem (RFC 9457)",
                "content", Map.of("application/problem+json", Map.of("schema",
                        Map.of("$ref", "#/components/schemas/Problem"))));
        responses.put("default", problem);
        return responses;
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "format", "uri"));
        properties.put("title", Map.of("type", "string"));
        properties.put("status", Map.of("type", "integer"));
        properties.put("detail", Map.of("type", "string"));
        properties.put("instance", Map.of("type", "string"));
        properties.put("code", Map.of("type", "string", "enum",
                java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList()));
        properties.put("requestId", Map.of("type", "string"));
        properties.put("field", Map.of("type", "string"));
        return Map.of("type", "object", "required", List.of("type", "title", "status", "code"),
                "properties", properties);
    }
}
