package io.cairn.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes successful answers: JSON, or the bytes of a {@link BinaryBody}. */
final class Answers {
    private static final Logger LOG = Logger.getLogger(Answers.class.getName());

    private Answers() {
    }

    static int send(ServerResponse res, ApiResponse answer) {
        res.status(Status.create(answer.status()));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        answer.headers().forEach((name, value) -> res.header(HeaderNames.create(name), value));
        if (answer.body().isEmpty()) {
            res.send();
        } else if (answer.body().get() instanceof BinaryBody binary) {
            stream(res, binary);
        } else {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(Json.write(answer.body().get()));
        }
        return answer.status();
    }

    /**
     * Streams a binary body. The status is sent with the first bytes, so a failure while writing can no
     * longer become a problem answer: it is logged and the connection ends with an incomplete body.
     */
    private static void stream(ServerResponse res, BinaryBody binary) {
        res.header(HeaderNames.CONTENT_TYPE, binary.mediaType());
        try (OutputStream out = res.outputStream()) {
            binary.writer().writeTo(out);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "streaming a " + binary.mediaType() + " answer failed; the body is incomplete", e);
        }
    }
}
