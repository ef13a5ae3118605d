package io.cairn.http;

import io.cairn.kernel.access.Role;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One API operation, declared as data so that routing, access control and the OpenAPI description all
 * come from the same place.
 *
 * @param method       HTTP method
 * @param path         path template under the server root, e.g. {@code /api/v1/users/{id}}
 * @param operationId  stable operation name for the OpenAPI description
 * @param summary      one line for the OpenAPI description
 * @param roles        roles allowed to call it; never empty
 * @param requestType  type of the JSON body, when the operation takes one
 * @param responseType type of the JSON answer, when there is one
 * @param status       HTTP status of a successful answer
 * @param queryParameters names of the query parameters the operation reads
 * @param handler      the code that serves it
 */
public record Endpoint(String method, String path, String operationId, String summary, Set<Role> roles,
                       Optional<Class<?>> requestType, Optional<Type> responseType, int status,
                       List<String> queryParameters, EndpointHandler handler) {

    /** Validates the declaration. */
    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(summary, "summary");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(responseType, "responseType");
        queryParameters = List.copyOf(queryParameters);
        Objects.requireNonNull(handler, "handler");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("every endpoint declares the roles allowed to call it: " + path);
        }
        if (!path.startsWith("/api/v1/")) {
            throw new IllegalArgumentException("API endpoints live under /api/v1/: " + path);
        }
    }

    /** Starts a declaration. */
    public static Builder of(String method, String path, String operationId) {
        return new Builder(method, path, operationId);
    }

    /** Fluent construction of an {@link Endpoint}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final String operationId;
        private String summary = "";
        private Set<Role> roles = Set.of();
        private Optional<Class<?>> requestType = Optional.empty();
        private Optional<Type> responseType = Optional.empty();
        private int status = 200;
        private List<String> query = List.of();

        private Builder(String method, String path, String operationId) {
            this.method = method;
            this.path = path;
            this.operationId = operationId;
        }

        /** One-line description. */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** Allowed roles. */
        public Builder roles(Role... roles) {
            this.roles = Set.of(roles);
            return this;
        }

        /** Allowed roles. */
        public Builder roles(Set<Role> roles) {
            this.roles = roles;
            return this;
        }

        /** The JSON body type. */
        public Builder request(Class<?> type) {
            this.requestType = Optional.of(type);
            return this;
        }

        /** The JSON answer type. */
        public Builder response(Type type) {
            this.responseType = Optional.of(type);
            return this;
        }

        /** The success status. */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** Names of query parameters. */
        public Builder query(String... names) {
            this.query = List.of(names);
            return this;
        }

        /** Completes the declaration. */
        public Endpoint handler(EndpointHandler handler) {
            return new Endpoint(method, path, operationId, summary, roles, requestType, responseType, status, query,
                    handler);
        }
    }
}
