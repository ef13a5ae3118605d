package io.cairn.http;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/** Reads request bodies within the size limit, after checking the declared length and content type. */
final class RequestBodies {
    private final long maxBodySize;

    RequestBodies(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    byte[] read(Endpoint endpoint, ServerRequest req) {
        if (endpoint.requestType().isEmpty()) {
            return new byte[0];
        }
        checkContentType(req);
        req.headers().contentLength().ifPresent(length -> {
            if (length > maxBodySize) {
                throw tooLarge();
            }
        });
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
            if (body.length > maxBodySize) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkContentType(ServerRequest req) {
        Optional<String> type = req.headers().first(HeaderNames.CONTENT_TYPE)
                .map(t -> t.toLowerCase(Locale.ROOT).split(";")[0].trim());
        if (type.isEmpty() || !(type.get().equals("application/json") || type.get().endsWith("+json"))) {
            throw new CairnException(ErrorCode.API_UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as 'Content-Type: application/json'.");
        }
    }

    private CairnException tooLarge() {
        return new CairnException(ErrorCode.API_BODY_TOO_LARGE,
                "The request body exceeds the limit of " + maxBodySize + " bytes.");
    }
}
