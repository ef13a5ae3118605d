package io.cairn.membership;

import io.cairn.http.ApiRequest;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Path and query parameters shared by the membership resources. */
final class ApiParameters {
    private ApiParameters() {
    }

    static UUID id(ApiRequest r, String name, String what) {
        String raw = r.path(name);
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND, "no " + what + " with id " + raw);
        }
    }

    static Lei lei(ApiRequest r) {
        return Lei.of(r.path("lei"));
    }

    static int offset(ApiRequest r) {
        return r.queryInt("offset", 0, 0, Integer.MAX_VALUE);
    }

    static int limit(ApiRequest r) {
        return r.queryInt("limit", 100, 1, 1000);
    }

    static <T> Optional<T> choice(ApiRequest r, String name, Function<String, Optional<T>> parse, String allowed) {
        Optional<String> raw = r.query(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(raw.get()).orElseThrow(() -> CairnException.field(ErrorCode.API_INVALID_PARAMETER,
                name, "query parameter '" + name + "' is one of " + allowed)));
    }
}
