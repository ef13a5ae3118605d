package io.cairn.http;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An authenticated request as a handler sees it: who is calling, path and query parameters, and the body
 * read strictly on demand.
 */
public final class ApiRequest {
    private final Principal principal;
    private final String requestId;
    private final Map<String, String> pathParameters;
    private final Map<String, String> queryParameters;
    private final Supplier<byte[]> body;

    ApiRequest(Principal principal, String requestId, Map<String, String> pathParameters,
               Map<String, String> queryParameters, Supplier<byte[]> body) {
        this.principal = principal;
        this.requestId = requestId;
        this.pathParameters = Map.copyOf(pathParameters);
        this.queryParameters = Map.copyOf(queryParameters);
        this.body = body;
    }

    /** The caller. */
    public Principal principal() {
        return principal;
    }

    /** The request id, as logged. */
    public String requestId() {
        return requestId;
    }

    /** A path parameter that the route template guarantees. */
    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return value;
    }

    /** A query parameter. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name));
    }

    /** An integer query parameter within bounds, or the default. */
    public int queryInt(String name, int defaultValue, int min, int max) {
        Optional<String> raw = query(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw CairnException.field(ErrorCode.API_INVALID_PARAMETER, name,
                    "query parameter '" + name + "' must be an integer between " + min + " and " + max);
        }
    }

    /** The body, read strictly as the given type. */
    public <T> T body(Class<T> type) {
        return Json.read(body.get(), type);
    }
}
