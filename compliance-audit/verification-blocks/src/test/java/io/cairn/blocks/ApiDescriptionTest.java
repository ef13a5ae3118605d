package io.cairn.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.http.Endpoint;
import io.cairn.http.Json;
import io.cairn.http.OpenApiDocument;
import io.cairn.kernel.access.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The declared endpoints: roles as documented, and an OpenAPI description with every path and body. */
class ApiDescriptionTest {
    private static final List<Endpoint> ENDPOINTS = endpoints();

    @Test
    void writesNeedTheirRolesAndReadsAreOpenToEveryRole() {
        assertThat(role("POST", "/api/v1/applications")).containsExactly(Role.CONSORTIUM_ADMIN);
        assertThat(role("POST", "/api/v1/applications/{app}/messages")).containsExactly(Role.MEMBER);
        assertThat(role("DELETE", "/api/v1/applications/{app}/messages/{id}/payload"))
                .containsExactly(Role.CONSORTIUM_ADMIN);
        assertThat(role("GET", "/api/v1/applications/{app}/messages/{id}/proof")).containsExactlyInAnyOrderElementsOf(Role.ALL);
        assertThat(ENDPOINTS.stream().map(Endpoint::operationId).distinct()).hasSize(ENDPOINTS.size());
    }

    @Test
    void theOpenApiDescriptionListsEveryPathAndBody() {
        JsonNode document = Json.mapper().valueToTree(OpenApiDocument.of(ENDPOINTS, "test"));
        ENDPOINTS.forEach(e -> assertThat(document.path("paths").path(e.path()).has(e.method().toLowerCase(java.util.Locale.ROOT)))
                .as(e.method() + " " + e.path()).isTrue());
        assertThat(document.path("components").path("schemas").path("MessageSubmission").path("required"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("sender", "payload", "signature", "messageId");
        assertThat(document.path("components").path("schemas").has("MessageProof")).isTrue();
        assertThat(document.path("components").path("schemas").path("ApplicationDefinition").path("required"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("id", "name", "messageSchema");
    }

    private static java.util.Set<Role> role(String method, String path) {
        return ENDPOINTS.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst()
                .orElseThrow().roles();
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>(new ApplicationsApi(null, null, null).endpoints());
        all.addAll(new BlocksApi(null, null).endpoints());
        return all;
    }
}
