package io.cairn.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.http.Endpoint;
import io.cairn.http.Json;
import io.cairn.http.OpenApiDocument;
import io.cairn.kernel.access.Role;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The declared ledger endpoints: roles, and an OpenAPI description without any secret-bearing response field. */
class LedgersApiDescriptionTest {
    private static final List<Endpoint> ENDPOINTS = new LedgersApi(null, Clock.systemUTC()).endpoints();

    private static Set<Role> roles(String method, String path) {
        return ENDPOINTS.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst()
                .orElseThrow().roles();
    }

    @Test
    void changesNeedConsortiumAdminsAndReadsAreForOperatorsAndAuditorsToo() {
        assertThat(roles("POST", "/api/v1/ledgers")).containsExactly(Role.CONSORTIUM_ADMIN);
        assertThat(roles("DELETE", "/api/v1/ledgers/{name}")).containsExactly(Role.CONSORTIUM_ADMIN);
        assertThat(roles("GET", "/api/v1/ledgers/{name}")).containsExactlyInAnyOrder(Role.CONSORTIUM_ADMIN,
                Role.OPERATOR, Role.AUDITOR);
        assertThat(ENDPOINTS.stream().map(Endpoint::operationId).distinct()).hasSize(ENDPOINTS.size());
    }

    @Test
    void theDescriptionListsEveryPathAndNeverAResponseFieldHoldingTheHeader() {
        JsonNode document = Json.mapper().valueToTree(OpenApiDocument.of(ENDPOINTS, "test"));
        ENDPOINTS.forEach(e -> assertThat(document.path("paths").path(e.path())
                .has(e.method().toLowerCase(Locale.ROOT))).as(e.method() + " " + e.path()).isTrue());
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.path("LedgerRegistration").path("required")).extracting(JsonNode::asText)
                .contains("name", "type", "endpoints", "keyAlias", "contractAddress", "finality")
                .doesNotContain("authHeader", "tlsCaPem");
        assertThat(schemas.path("LedgerView").path("properties").has("authHeaderConfigured")).isTrue();
        assertThat(schemas.path("LedgerView").path("properties").has("authHeader")).isFalse();
    }
}
