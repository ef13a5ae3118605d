package io.cairn.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A response body that is not JSON: a media type and a writer that streams the bytes, so large answers
 * (for example zip archives) are never held in memory. Build responses with
 * {@link ApiResponse#binary(String, java.util.Map, BodyWriter)}; declare {@code response(BinaryBody.class)}
 * on the endpoint so the API description shows a binary answer.
 *
 * <p>Validate everything that can fail with a problem before returning the response: once the writer runs,
 * the status and headers are already sent.
 *
 * @param mediaType the {@code Content-Type} of the answer, e.g. {@code application/zip}
 * @param writer    writes the body
 */
public record BinaryBody(String mediaType, BodyWriter writer) {
    /** Rejects missing parts. */
    public BinaryBody {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(writer, "writer");
    }

    /** Writes a body to the response stream; the stream is closed by the caller. */
    @FunctionalInterface
    public interface BodyWriter {
        /**
         * Writes the whole body.
         *
         * @param out the response stream
         * @throws IOException when the client goes away or the bytes cannot be produced
         */
        void writeTo(OutputStream out) throws IOException;
    }
}
