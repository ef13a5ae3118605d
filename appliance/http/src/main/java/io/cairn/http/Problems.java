package io.cairn.http;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details. Every error body has {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}, the catalogued {@code code} and the {@code requestId} that finds the
 * matching server log line; extensions such as {@code field} are added when known. Never a stack trace.
 */
public final class Problems {
    /** The media type of every error body. */
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://cairn.io/problems/";

    private Problems() {
    }

    /** The problem body for a failure. */
    public static Map<String, Object> body(CairnException failure, String instance, String requestId) {
        ErrorCode error = failure.error();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(error));
        body.put("title", error.title());
        body.put("status", error.httpStatus());
        body.put("detail", failure.getMessage());
        body.put("instance", instance);
        body.put("code", error.code());
        body.put("requestId", requestId);
        failure.extensions().forEach(body::putIfAbsent);
        return body;
    }

    /** The {@code type} URI of a code: a stable identifier, documented in the error catalogue. */
    public static String type(ErrorCode error) {
        return TYPE_BASE + error.code();
    }
}
