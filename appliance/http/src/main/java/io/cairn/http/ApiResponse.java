package io.cairn.http;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful answer.
 *
 * @param status  HTTP status
 * @param body    JSON body (or a {@link BinaryBody}), when there is one
 * @param headers extra headers
 */
public record ApiResponse(int status, Optional<Object> body, Map<String, String> headers) {
    /** Copies the headers. */
    public ApiResponse {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** 200 with a body. */
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, Optional.of(body), Map.of());
    }

    /** 201 with a body and the new resource's location. */
    public static ApiResponse created(String location, Object body) {
        return new ApiResponse(201, Optional.of(body), Map.of("Location", location));
    }

    /**
     * 200 with a streamed, non-JSON body.
     *
     * @param mediaType the body's media type
     * @param headers   extra headers, e.g. {@code Content-Disposition}
     * @param writer    writes the body
     * @return the response
     */
    public static ApiResponse binary(String mediaType, Map<String, String> headers, BinaryBody.BodyWriter writer) {
        return new ApiResponse(200, Optional.of(new BinaryBody(mediaType, writer)), headers);
    }

    /** 204 without a body. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, Optional.empty(), Map.of());
    }
}
