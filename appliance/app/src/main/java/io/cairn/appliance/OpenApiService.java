package io.cairn.appliance;

import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.http.OpenApiDocument;
import io.cairn.kernel.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Serves the OpenAPI description at {@code /api/v1/openapi}, generated from every declared endpoint. */
final class OpenApiService implements ApiService {
    private final List<ApiService> services;
    private final String version;

    OpenApiService(List<ApiService> services, String version) {
        this.services = List.copyOf(services);
        this.version = version;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("GET", "/api/v1/openapi", "openApi")
                .summary("This API's OpenAPI 3.1 description").roles(Role.ALL).response(Map.class)
                .handler(r -> ApiResponse.ok(document())));
    }

    /** The description of every endpoint, this one included. */
    Map<String, Object> document() {
        List<Endpoint> all = new ArrayList<>();
        services.forEach(s -> all.addAll(s.endpoints()));
        all.addAll(endpoints());
        return OpenApiDocument.of(all, version);
    }
}
