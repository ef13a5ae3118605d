package io.cairn.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Writes successful answers as JSON. */
final class Answers {
    private Answers() {
    }

    static int send(ServerResponse res, ApiResponse answer) {
        res.status(Status.create(answer.status()));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        answer.headers().forEach((name, value) -> res.header(HeaderNames.create(name), value));
        if (answer.body().isEmpty()) {
            res.send();
        } else {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(Json.write(answer.body().get()));
        }
        return answer.status();
    }
}
