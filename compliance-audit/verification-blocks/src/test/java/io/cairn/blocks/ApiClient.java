package io.cairn.blocks;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small JSON client of the test server; the bearer token is the caller's role name. */
final class ApiClient {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String baseUri;

    ApiClient(String baseUri) {
        this.baseUri = baseUri;
    }

    /** An answer: status and parsed body (an empty object when there is none). */
    record Answer(int status, JsonNode body) {
        String code() {
            return body.path("code").asText();
        }
    }

    Answer get(String path, String role) {
        return send("GET", path, role, null);
    }

    Answer delete(String path, String role) {
        return send("DELETE", path, role, null);
    }

    Answer post(String path, String role, Object body) {
        return send("POST", path, role, body);
    }

    private Answer send(String method, String path, String role, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : Json.write(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path))
                .header("Authorization", "Bearer " + role).method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isEmpty() ? Json.mapper().createObjectNode()
                    : Json.mapper().readTree(response.body());
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
